using System.Globalization;
using Centrex.Ledger.Journal;

namespace Centrex.Ledger.State;

/// <summary>
/// The CDR ids the ledger no longer keeps in memory: sealed <see cref="IdRun"/> files in <c>ledger/ids</c>, each
/// covering a stretch of the id log, and in front of them a scalable Bloom filter (Almeida et al., "Scalable Bloom
/// Filters", 2007): <see cref="IdFilter"/> segments, each twice the size of the one before, 2 bytes an id. Memory no
/// longer grows by an index slot for every call ever charged (issue 14's one-hour soak): a new id costs a cache line
/// per filter segment and, for a fraction of a percent of new ids, a page read per run. Runs are merged four at a time
/// in the background as they accumulate, so their number grows with the logarithm of the history. One writer thread
/// calls everything here; a seal and a merge each run on a thread of their own, on files nobody changes.
/// </summary>
internal sealed class SealedIds : IDisposable
{
    private const int RunsPerMerge = 4;
    private const string FilterPrefix = "filter-";
    private readonly string _folder;
    private readonly CrashPoints _crash;
    private readonly long _firstSegmentCapacity;
    private readonly long _largestMerge;
    private readonly List<IdRun> _runs = [];
    private readonly List<IdFilter> _filters = [];
    private readonly List<long> _segmentsFrom = [];
    private Task<IdRun>? _merge;
    private Task<PendingSeal>? _seal;
    // The seal thread's (one seal at a time), kept so that a seal allocates no large array.
    private UInt128[] _calls = [];
    private UInt128[] _sortScratch = [];
    private IReadOnlyList<IdRun>? _merging;

    private SealedIds(string folder, long firstSegmentCapacity, long largestMerge, CrashPoints crash)
    {
        _crash = crash;
        _folder = folder;
        _firstSegmentCapacity = firstSegmentCapacity;
        _largestMerge = largestMerge;
    }

    /// <summary>The id-log record the runs end at (0 when nothing is sealed): records from it on are in memory.</summary>
    public long Until => _runs.Count > 0 ? _runs[^1].Until : 0;

    /// <summary>CDR ids sealed.</summary>
    public long Calls => _runs.Sum(run => run.Calls);

    /// <summary>Run files.</summary>
    public int Runs => _runs.Count;

    /// <summary>Bytes the filter segments hold in memory.</summary>
    public long FilterBytes => _filters.Sum(filter => filter.Bytes);

    /// <summary>
    /// Opens the sealed runs of <paramref name="folder"/>: drops what a crash left half done (a temporary file; runs a
    /// finished merge already covers), checks that the runs follow one another, and loads or rebuilds the filter.
    /// </summary>
    /// <exception cref="IOException">A run is damaged or the runs leave a gap.</exception>
    public static SealedIds Open(string folder, long firstSegmentCapacity, long largestMerge, CrashPoints crash)
    {
        Directory.CreateDirectory(folder);
        var sealedIds = new SealedIds(folder, firstSegmentCapacity, largestMerge, crash);
        foreach (var temporary in Directory.GetFiles(folder, "*.tmp"))
        {
            File.Delete(temporary);
        }

        // Widest first among runs starting at the same record: a merge that finished but did not delete its inputs.
        var runs = Directory.GetFiles(folder, "run-*.ids").Select(IdRun.Open).OrderBy(run => run.From).ThenByDescending(run => run.Until).ToList();
        foreach (var run in runs)
        {
            if (run.Until <= sealedIds.Until && sealedIds._runs.Count > 0)
            {
                run.Dispose();
                File.Delete(run.Path);
                continue;
            }

            if (run.From != sealedIds.Until)
            {
                runs.ForEach(r => r.Dispose());
                throw new IOException($"{run.Path} starts at id-log record {run.From} but the runs before it end at {sealedIds.Until}: a run file is missing");
            }

            sealedIds._runs.Add(run);
        }

        sealedIds.LoadFilters();
        sealedIds.SealingUntil = sealedIds.Until;
        return sealedIds;
    }

    /// <summary>Whether CDR id <paramref name="name"/> was sealed: the filter first, the runs when it says "maybe".</summary>
    public bool Contains(NameFingerprint name)
    {
        if (!MayContain(name))
        {
            return false;
        }

        for (var i = _runs.Count - 1; i >= 0; i--)
        {
            if (_runs[i].Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts loading the filter blocks of <paramref name="name"/> into the cache.</summary>
    public void Prefetch(NameFingerprint name)
    {
        foreach (var filter in _filters)
        {
            filter.Prefetch(name);
        }
    }

    /// <summary>
    /// Starts sealing id-log records [<see cref="Until"/>, <paramref name="until"/>) on a thread of its own: it reads
    /// them from <paramref name="log"/>, writes their CDR ids into a new run and the filter, their whole-entry names
    /// beside them. The records must be durable (checkpointed) first, or a crash would leave ids sealed for calls the
    /// journal lost. Until <see cref="CompleteSeal"/> adopts the run the caller keeps the ids in memory: the filter may
    /// already say "no" for some of them while the run is being written.
    /// </summary>
    public void BeginSeal(long until, IdLog log)
    {
        if (_seal is not null)
        {
            throw new InvalidOperationException("a seal is already under way");
        }

        var from = Until;
        var most = until - from;
        IdFilter segment;
        IdFilter? added = null;
        if (_filters.Count > 0 && _filters[^1].Count + most <= _filters[^1].Capacity)
        {
            segment = _filters[^1];
        }
        else
        {
            // A run's ids are never split between segments, so each segment covers a stretch of the id log.
            segment = added = new IdFilter(Math.Max(most, _filters.Count == 0 ? _firstSegmentCapacity : _filters[^1].Capacity * 2));
        }

        var index = added is null ? _filters.Count - 1 : _filters.Count;
        var segmentFrom = added is null ? _segmentsFrom[^1] : from;
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
            foreach (var key in _calls.AsSpan(0, calls))
            {
                segment.Add(new NameFingerprint((ulong)(key >> 64), (ulong)key));
            }

            SaveSegment(index, segment, segmentFrom, until);
            _crash.Reach("after-seal");
            return new PendingSeal(run, added, segmentFrom);
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
        var (run, added, segmentFrom) = seal.GetAwaiter().GetResult();
        _runs.Add(run);
        if (added is not null)
        {
            _filters.Add(added);
            _segmentsFrom.Add(segmentFrom);
        }

        StartMerge();
        return true;
    }

    /// <summary>Swaps in a merge that finished (the writer calls this now and then); true when one was swapped.</summary>
    /// <exception cref="IOException">The merge failed (e.g. the disk is full).</exception>
    public bool CompleteMerge(bool wait = false)
    {
        if (_merge is null || (!wait && !_merge.IsCompleted))
        {
            return false;
        }

        var merge = _merge;
        var inputs = _merging!;
        _merge = null;
        _merging = null;
        var merged = merge.GetAwaiter().GetResult();
        var at = _runs.IndexOf(inputs[0]);
        _runs.RemoveRange(at, inputs.Count);
        _runs.Insert(at, merged);
        foreach (var input in inputs)
        {
            input.Dispose();
            File.Delete(input.Path);
        }

        StartMerge();
        return true;
    }

    /// <summary>The whole-entry names of every run (loaded into memory on opening).</summary>
    public IEnumerable<(NameFingerprint Name, long Reference)> WholeNames() => _runs.SelectMany(run => run.ReadWholeNames());

    public void Dispose()
    {
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
            _merge.Result.Dispose();
        }

        _runs.ForEach(run => run.Dispose());
    }

    private bool MayContain(NameFingerprint name)
    {
        foreach (var filter in _filters)
        {
            if (filter.MayContain(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Makes room in the filter for a run of <paramref name="calls"/> ids from id-log record <paramref name="from"/>:
    /// the newest segment when it can take them all, else a new segment twice its size (a run's ids are never split
    /// between segments, so each segment covers a stretch of the id log and its file can say which).
    /// </summary>
    private IdFilter SegmentFor(long calls, long from)
    {
        if (_filters.Count == 0 || _filters[^1].Count + calls > _filters[^1].Capacity)
        {
            var capacity = Math.Max(calls, _filters.Count == 0 ? _firstSegmentCapacity : _filters[^1].Capacity * 2);
            _filters.Add(new IdFilter(capacity));
            _segmentsFrom.Add(from);
        }

        return _filters[^1];
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
        _merge = Task.Factory.StartNew(() => IdRun.Merge(_folder, newest), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    // Segment N of the filter is saved as "filter-N-FROM-UNTIL.bits": the ids of the runs covering id-log records
    // [FROM, UNTIL). Only the newest segment changes at a seal; it is rewritten under its new UNTIL and the old file goes.
    private string SegmentPath(int index, long from, long until) =>
        Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{FilterPrefix}{index:D4}-{from:D15}-{until:D15}.bits"));

    private void SaveSegment(int index, IdFilter segment, long from, long until)
    {
        var path = SegmentPath(index, from, until);
        using (var stream = new FileStream(path + ".tmp", new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 20,
        }))
        {
            segment.WriteTo(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(path + ".tmp", path, overwrite: true);
        foreach (var old in Directory.GetFiles(_folder, string.Create(CultureInfo.InvariantCulture, $"{FilterPrefix}{index:D4}-*.bits")))
        {
            if (old != path)
            {
                File.Delete(old);
            }
        }
    }

    /// <summary>
    /// Loads the saved segments when they cover every run, one after another; otherwise (a crash between a run and its
    /// segment, a damaged segment) rebuilds the filter from the runs: slower to open, never wrong.
    /// </summary>
    private void LoadFilters()
    {
        var segments = Directory.GetFiles(_folder, FilterPrefix + "*.bits").Order(StringComparer.Ordinal).ToList();
        long covered = 0;
        foreach (var path in segments)
        {
            var parts = Path.GetFileNameWithoutExtension(path)[FilterPrefix.Length..].Split('-');
            if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) || index != _filters.Count
                || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var from) || from != covered
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var until))
            {
                covered = -1;
                break;
            }

            using var stream = File.OpenRead(path);
            if (IdFilter.ReadFrom(stream) is not { } filter)
            {
                covered = -1;
                break;
            }

            _filters.Add(filter);
            _segmentsFrom.Add(from);
            covered = until;
        }

        if (covered == Until)
        {
            return;
        }

        _filters.Clear();
        _segmentsFrom.Clear();
        segments.ForEach(File.Delete);
        foreach (var run in _runs)
        {
            var segment = SegmentFor(run.Calls, run.From);
            run.ForEachCall(segment.Add);
        }

        for (var i = 0; i < _filters.Count; i++)
        {
            SaveSegment(i, _filters[i], _segmentsFrom[i], i + 1 < _segmentsFrom.Count ? _segmentsFrom[i + 1] : Until);
        }
    }

    /// <summary>A seal's result, adopted by the writer's thread: the run, and the filter segment it opened, if any.</summary>
    private sealed record PendingSeal(IdRun Run, IdFilter? Added, long SegmentFrom);
}
