namespace Centrex.Ledger.State;

/// <summary>
/// One <see cref="IdFilter"/> over the CDR ids of every sealed run that ends at or before <see cref="Until"/>. With
/// a filter per run a new id costs a cache line per run, and the runs grow with the history (13 at issue 16's full
/// scale, where asking them was 37 % of the ledger writer's time); this filter answers "no" for nearly every new id
/// with one cache line. The runs' own filters are asked when it says "maybe" and for the runs it does not cover yet
/// (a seal or a merge not added in yet).
/// Built and extended on a thread of its own, as runs are sealed and merged: the writer's thread never waits for it. An
/// extension sets bits while the writer reads the filter; bits are only ever set, and the writer counts a run as
/// covered only after the task that added it has finished (its completion orders the writes before the writer's next
/// read), so the writer never relies on a bit that might not be written yet.
/// </summary>
internal sealed class CombinedFilter(long smallestCapacity)
{
    // Room for this many more ids than it holds when built: past its capacity the false-positive rate climbs, so it is
    // rebuilt from the runs (in the background) once the ids sealed since would overfill it.
    private const int HeadroomDivisor = 2;
    private IdFilter? _filter;
    private Task<(IdFilter Filter, long Until)>? _cover;

    /// <summary>The id-log record up to which every sealed run is covered: a run ending at or before it is in the filter.</summary>
    public long Until { get; private set; }

    /// <summary>Bytes the filter holds in memory.</summary>
    public long Bytes => _filter?.Bytes ?? 0;

    /// <summary>Whether a cover (reading runs) is under way: the runs it reads must stay open until it finishes.</summary>
    public bool Covering => _cover is not null;

    /// <summary>While set, no cover starts (tests: runs stay uncovered, so the runs' own filters must answer for them).</summary>
    public bool Held { get; set; }

    /// <summary>False when <paramref name="name"/> is certainly in none of the runs covered.</summary>
    public bool MayContain(NameFingerprint name) => _filter?.MayContain(name) ?? true;

    /// <summary>Starts loading <paramref name="name"/>'s block into the cache.</summary>
    public void Prefetch(NameFingerprint name) => _filter?.Prefetch(name);

    /// <summary>
    /// Starts adding the runs past <see cref="Until"/> on a thread of its own (the runs are read, not changed), unless a
    /// cover is under way or none is past it. When they would overfill the filter, a bigger one is built from every run.
    /// </summary>
    /// <param name="runs">The sealed runs, in id-log order.</param>
    public void Start(IReadOnlyList<IdRun> runs)
    {
        if (Held || _cover is not null || runs.Count == 0 || runs[^1].Until <= Until)
        {
            return;
        }

        var filter = _filter;
        var adding = runs.Where(run => run.Until > Until).ToList();
        if (filter is null || filter.Count + adding.Sum(run => run.Calls) > filter.Capacity)
        {
            filter = null;
            adding = [.. runs];
        }

        var total = adding.Sum(run => run.Calls);
        var until = adding[^1].Until;
        _cover = Task.Factory.StartNew(() =>
        {
            var into = filter ?? new IdFilter(Math.Max(smallestCapacity, total + (total / HeadroomDivisor)));
            foreach (var run in adding)
            {
                // A run's ids are sorted, so its adds walk the filter's blocks in order.
                run.ForEachCall(into.Add);
            }

            return (into, until);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Adopts a cover that finished (or waits for it); true when one was adopted.</summary>
    /// <exception cref="IOException">A run could not be read: the disk is failing, and the writer stops as for a failed merge.</exception>
    public bool Complete(bool wait = false)
    {
        if (_cover is null || (!wait && !_cover.IsCompleted))
        {
            return false;
        }

        var cover = _cover;
        _cover = null;
        (_filter, Until) = cover.GetAwaiter().GetResult();
        return true;
    }

    /// <summary>Waits for a cover under way, whatever its outcome (the runs are about to be closed).</summary>
    public void Stop()
    {
        try
        {
            _cover?.Wait();
        }
        catch (AggregateException)
        {
            // Nothing was adopted from it; the filter is a cache of the runs, rebuilt at the next opening.
        }

        _cover = null;
    }
}
