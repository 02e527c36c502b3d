using Centrex.Ledger.Journal;

namespace Centrex.Ledger.State;

/// <summary>
/// The CDR ids the ledger no longer keeps in memory: sealed <see cref="IdRun"/> files in <c>ledger/ids</c>, each
/// covering a stretch of the id log, each with its own <see cref="IdFilter"/> in memory, sized to exactly that run's ids
/// (2 bytes an id) and saved beside it as <c>run-FROM-UNTIL.bits</c>. Memory no longer grows by an index slot for every
/// call ever charged (issue 14's one-hour soak), and the filters hold no more than the ids need: a merge builds the
/// merged run's filter and drops its inputs', as a log-structured merge tree keeps one filter per sorted run (RocksDB,
/// LevelDB). In front of them, a <see cref="CombinedFilter"/> over all the runs (2–3 bytes an id more, in memory only)
/// answers for a new id with one cache line; the runs' own filters are asked when it says "maybe" (a fraction of a
/// percent of new ids, and every id charged before) and for the runs it does not cover yet, and a run's page is read
/// when its own filter says "maybe". Runs are merged four at a time in the background as they accumulate, so their
/// number grows with the logarithm of the history. One writer thread calls everything here; a seal and a merge each run on a
/// thread of their own, on files nobody changes.
/// </summary>
internal sealed class SealedIds : IDisposable
{
    private const int RunsPerMerge = 4;
    private const string FilterExtension = ".bits";
    private readonly string _folder;
    private readonly CrashPoints _crash;
    private readonly long _largestMerge;
    private readonly List<IdRun> _runs = [];
    // _filters[i] is _runs[i]'s. Kept in memory for the runs the combined filter covers too: every id already charged
    // gets the combined filter's "maybe", and without the runs' filters a client resending old calls would make the
    // writer read a page of every run for each of them (16 at issue 16's full scale) instead of about one.
    private readonly List<IdFilter> _filters = [];
    // Asked first: "no" for nearly every new id in one cache line, for the runs it covers (a prefix of _runs).
    private readonly CombinedFilter _combined;
    // Found by Open, dealt with by Tidy: runs a finished merge covers, filters built in memory.
    private readonly List<IdRun> _covered = [];
    private readonly List<FilteredRun> _unsavedFilters = [];
    private Task<FilteredRun>? _merge;
    private Task<FilteredRun>? _seal;
    // The seal thread's (one seal at a time), kept so that a seal allocates no large array.
    private UInt128[] _calls = [];
    private UInt128[] _sortScratch = [];
    private IReadOnlyList<IdRun>? _merging;

    private SealedIds(string folder, long largestMerge, long smallestCombined, CrashPoints crash)
    {
        _combined = new CombinedFilter(smallestCombined);
        _crash = crash;
        _folder = folder;
        _largestMerge = largestMerge;
    }

    /// <summary>The id-log record the runs end at (0 when nothing is sealed): records from it on are in memory.</summary>
    public long Until => _runs.Count > 0 ? _runs[^1].Until : 0;

    /// <summary>CDR ids sealed.</summary>
    public long Calls => _runs.Sum(run => run.Calls);

    /// <summary>Run files.</summary>
    public int Runs => _runs.Count;

    /// <summary>Bytes the runs' filters hold in memory.</summary>
    public long FilterBytes => _filters.Sum(filter => filter.Bytes);

    /// <summary>Bytes the combined filter over the runs holds in memory, and the id-log record its runs end at.</summary>
    public (long Bytes, long Until) Combined => (_combined.Bytes, _combined.Until);

    /// <summary>
    /// Opens the sealed runs of <paramref name="folder"/> without changing any file: checks that the runs follow one
    /// another, sets aside runs a finished merge already covers, and loads each run's filter (or builds it in memory
    /// when it is missing or damaged). What a crash left half done is tidied by <see cref="Tidy"/>, once the ledger's
    /// open is known to succeed.
    /// </summary>
    /// <exception cref="IOException">A run is damaged or the runs leave a gap.</exception>
    /// <param name="folder">The runs' folder.</param>
    /// <param name="largestMerge">The most ids a merge may write into one run.</param>
    /// <param name="smallestCombined">The fewest ids the combined filter is sized for (about a seal's worth).</param>
    /// <param name="crash">Where tests make the process stop.</param>
    public static SealedIds Open(string folder, long largestMerge, long smallestCombined, CrashPoints crash)
    {
        Directory.CreateDirectory(folder);
        var sealedIds = new SealedIds(folder, largestMerge, smallestCombined, crash);
        var opened = new List<IdRun>();
        try
        {
            foreach (var path in Directory.GetFiles(folder, "run-*.ids"))
            {
                opened.Add(IdRun.Open(path));
            }

            // Widest first among runs starting at the same record: a merge that finished but did not delete its inputs.
            foreach (var run in opened.OrderBy(run => run.From).ThenByDescending(run => run.Until))
            {
                if (run.Until <= sealedIds.Until && sealedIds._runs.Count > 0)
                {
                    sealedIds._covered.Add(run);
                    continue;
                }

                if (run.From != sealedIds.Until)
                {
                    throw new IOException($"{run.Path} starts at id-log record {run.From} but the runs before it end at {sealedIds.Until}: a run file is missing");
                }

                sealedIds._runs.Add(run);
            }

            sealedIds.LoadFilters();
            sealedIds._combined.Start(sealedIds._runs);
        }
        catch
        {
            opened.ForEach(run => run.Dispose());
            throw;
        }

        sealedIds.SealingUntil = sealedIds.Until;
        return sealedIds;
    }

    /// <summary>
    /// Makes the repairs <see cref="Open"/> found due, once the ledger's open is known to succeed (before any seal):
    /// deletes what a crash left half written (temporary files) and the runs a finished merge covers, saves the filters
    /// built in memory, and deletes filters no run owns any more (a merge's inputs; the doubling segments,
    /// <c>filter-N-FROM-UNTIL.bits</c>, of ledgers written before filters were kept per run).
    /// </summary>
    public void Tidy()
    {
        foreach (var temporary in Directory.GetFiles(_folder, "*.tmp"))
        {
            File.Delete(temporary);
        }

        foreach (var run in _covered)
        {
            run.Dispose();
            DeleteRun(run);
        }

        _covered.Clear();
        foreach (var (run, filter) in _unsavedFilters)
        {
            SaveFilter(run, filter);
        }

        _unsavedFilters.Clear();
        var owned = _runs.Select(FilterPath).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(_folder, "*" + FilterExtension))
        {
            if (!owned.Contains(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Whether CDR id <paramref name="name"/> was sealed: the combined filter for the runs it covers, each other run's
    /// filter, and a run's own filter and then the run when a filter says "maybe".
    /// </summary>
    public bool Contains(NameFingerprint name)
    {
        var combinedSaysMaybe = _combined.MayContain(name);
        var covered = _combined.Until;
        for (var i = _runs.Count - 1; i >= 0; i--)
        {
            if (!combinedSaysMaybe && _runs[i].Until <= covered)
            {
                return false; // this run and every one before it are covered, and the combined filter said no
            }

            if (_filters[i].MayContain(name) && _runs[i].Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts loading the filter blocks <see cref="Contains"/> will read for <paramref name="name"/> into the cache.</summary>
    public void Prefetch(NameFingerprint name)
    {
        _combined.Prefetch(name);
        var covered = _combined.Until;
        for (var i = _runs.Count - 1; i >= 0 && _runs[i].Until > covered; i--)
        {
            _filters[i].Prefetch(name);
        }
    }

    /// <summary>
    /// Starts sealing id-log records [<see cref="Until"/>, <paramref name="until"/>) on a thread of its own: it reads
    /// them from <paramref name="log"/>, writes their CDR ids into a new run and a filter sized for them, their
    /// whole-entry names beside them. The records must be durable (checkpointed) first, or a crash would leave ids
    /// sealed for calls the journal lost. Until <see cref="CompleteSeal"/> adopts the run and its filter, the caller
    /// keeps the ids in memory.
    /// </summary>
    public void BeginSeal(long until, IdLog log)
    {
        if (_seal is not null)
        {
            throw new InvalidOperationException("a seal is already under way");
        }

        var from = Until;
        var most = until - from;
        SealingUntil = until;
        _seal = Task.Factory.StartNew(() =>
        {
            if (_calls.Length < most)
            {
                _calls = new UInt128[most];
            }

            var calls = 0;
            var whole = new List<(NameFingerprint Name, long Reference)>();
            log.ReadDurable(from, until, (name, reference, _) =>
            {
                if (EntryReference.IsInBlock(reference))
                {
                    _calls[calls++] = IdRun.Key(name);
                }
                else
                {
                    whole.Add((name, reference));
                }
            });

            var run = IdRun.Write(_folder, from, until, _calls.AsSpan(0, calls), whole, ref _sortScratch);
            var filter = new IdFilter(calls);
            foreach (var key in _calls.AsSpan(0, calls))
            {
                filter.Add(new NameFingerprint((ulong)(key >> 64), (ulong)key));
            }

            SaveFilter(run, filter);
            _crash.Reach("after-seal");
            return new FilteredRun(run, filter);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The id-log record sealed runs will end at once the seal under way is adopted (<see cref="Until"/> when none is).</summary>
    public long SealingUntil { get; private set; }

    /// <summary>Whether a seal is under way.</summary>
    public bool Sealing => _seal is not null;

    /// <summary>Adopts the run of a seal that finished (or waits for it); true when one was adopted.</summary>
    /// <exception cref="IOException">The seal failed (e.g. the disk is full).</exception>
    public bool CompleteSeal(bool wait = false)
    {
        if (_seal is null || (!wait && !_seal.IsCompleted))
        {
            return false;
        }

        var seal = _seal;
        _seal = null;
        var (run, filter) = seal.GetAwaiter().GetResult();
        _runs.Add(run);
        _filters.Add(filter);
        StartMerge();
        _combined.Start(_runs);
        return true;
    }

    /// <summary>Swaps in a merge that finished (the writer calls this now and then); true when one was swapped.</summary>
    /// <exception cref="IOException">The merge failed (e.g. the disk is full).</exception>
    public bool CompleteMerge(bool wait = false)
    {
        // Polled here too (the writer calls this after every commit): a cover that finished is adopted.
        var covered = _combined.Complete(wait);
        if (_merge is null || (!wait && !_merge.IsCompleted))
        {
            if (covered)
            {
                _combined.Start(_runs);
            }

            return false;
        }

        // A merge's inputs are closed and deleted once it is swapped in: not while a cover still reads them. A finished
        // merge starts no cover before it is swapped in, so it waits for one cover at most.
        if (_combined.Covering)
        {
            if (!wait)
            {
                return false;
            }

            _combined.Complete(wait: true);
        }

        var merge = _merge;
        var inputs = _merging!;
        _merge = null;
        _merging = null;
        var (merged, filter) = merge.GetAwaiter().GetResult();
        var at = _runs.IndexOf(inputs[0]);
        _runs.RemoveRange(at, inputs.Count);
        _runs.Insert(at, merged);
        _filters.RemoveRange(at, inputs.Count);
        _filters.Insert(at, filter);
        foreach (var input in inputs)
        {
            input.Dispose();
            DeleteRun(input);
        }

        StartMerge();
        _combined.Start(_runs);
        return true;
    }

    /// <summary>Holds or releases the combined filter's covers (tests).</summary>
    public void HoldCover(bool held) => _combined.Held = held;

    /// <summary>Waits until the combined filter covers every run (tests).</summary>
    public void CompleteCover()
    {
        _combined.Start(_runs);
        while (_combined.Complete(wait: true))
        {
            _combined.Start(_runs);
        }
    }

    /// <summary>The whole-entry names of every run (loaded into memory on opening).</summary>
    public IEnumerable<(NameFingerprint Name, long Reference)> WholeNames() => _runs.SelectMany(run => run.ReadWholeNames());

    public void Dispose()
    {
        _combined.Stop();
        try
        {
            _seal?.Wait();
            _merge?.Wait();
        }
        catch (AggregateException)
        {
            // A failed seal or merge left the files before it in place; the next opening finds them (and the id log).
        }

        if (_seal is { IsCompletedSuccessfully: true })
        {
            _seal.Result.Run.Dispose();
        }

        if (_merge is { IsCompletedSuccessfully: true })
        {
            _merge.Result.Run.Dispose();
        }

        _runs.ForEach(run => run.Dispose());
        _covered.ForEach(run => run.Dispose());
    }

    /// <summary>
    /// Merges the four newest runs once they are of one size class (each at most four times the smallest), as a
    /// size-tiered LSM tree does, and never into a run of more than the largest merge's ids: a merge reads and writes
    /// its inputs once, on a thread of its own, so the writer never waits for it.
    /// </summary>
    private void StartMerge()
    {
        if (_merge is not null || _runs.Count < RunsPerMerge)
        {
            return;
        }

        var newest = _runs.GetRange(_runs.Count - RunsPerMerge, RunsPerMerge);
        var smallest = newest.Min(run => run.Calls);
        var total = newest.Sum(run => run.Calls);
        if (newest.Any(run => run.Calls > Math.Max(smallest, 1) * RunsPerMerge) || total > _largestMerge)
        {
            return;
        }

        _merging = newest;
        _merge = Task.Factory.StartNew(() =>
        {
            var merged = IdRun.Merge(_folder, newest);
            var filter = BuildFilter(merged);
            SaveFilter(merged, filter);
            return new FilteredRun(merged, filter);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static string FilterPath(IdRun run) => Path.ChangeExtension(run.Path, FilterExtension);

    private static IdFilter BuildFilter(IdRun run)
    {
        var filter = new IdFilter(run.Calls);
        run.ForEachCall(filter.Add);
        return filter;
    }

    /// <summary>Deletes a run a merge covers, and its filter.</summary>
    private static void DeleteRun(IdRun run)
    {
        File.Delete(FilterPath(run));
        File.Delete(run.Path);
    }

    // A filter is a cache of its run: written after the run, checked on loading, rebuilt from the run when missing or
    // damaged. So it needs no flush to disk of its own, and a crash between a run and its filter costs only a rebuild.
    private static void SaveFilter(IdRun run, IdFilter filter)
    {
        var path = FilterPath(run);
        using (var stream = new FileStream(path + ".tmp", new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 20,
        }))
        {
            filter.WriteTo(stream);
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>
    /// Loads each run's saved filter, or (a crash between a run and its filter, a damaged filter) builds it from the
    /// run, saved by <see cref="Tidy"/>: slower to open, never wrong.
    /// </summary>
    private void LoadFilters()
    {
        foreach (var run in _runs)
        {
            IdFilter? filter = null;
            if (File.Exists(FilterPath(run)))
            {
                using var stream = File.OpenRead(FilterPath(run));
                filter = IdFilter.ReadFrom(stream);
            }

            if (filter is null || filter.Count != run.Calls)
            {
                filter = BuildFilter(run);
                _unsavedFilters.Add(new FilteredRun(run, filter));
            }

            _filters.Add(filter);
        }
    }

    /// <summary>A sealed or merged run with its filter, adopted by the writer's thread.</summary>
    private sealed record FilteredRun(IdRun Run, IdFilter Filter);
}
