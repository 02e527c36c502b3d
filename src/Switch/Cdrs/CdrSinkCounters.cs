using System.Diagnostics;

namespace Centrex.Switch.Cdrs;

/// <summary>What the real-time CDR sink has done so far (read from any thread).</summary>
public sealed class CdrSinkCounters
{
    private long _stored;
    private long _charged;
    private long _duplicates;
    private long _unrated;
    private long _uncharged;
    private long _lost;
    private long _oldestTaken;

    /// <summary>CDRs written to the store.</summary>
    public long Stored => Volatile.Read(ref _stored);

    /// <summary>Chargeable CDRs rated and journaled in the ledger.</summary>
    public long Charged => Volatile.Read(ref _charged);

    /// <summary>Chargeable CDRs whose id the ledger had already charged (left alone).</summary>
    public long Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Chargeable CDRs that could not be rated (the callee did not normalize, no tariff prefix prices it, or the account id is too long for the ledger).</summary>
    public long Unrated => Volatile.Read(ref _unrated);

    /// <summary>Chargeable CDRs stored but not charged because the ledger could not write: charge them after the restart
    /// (<c>centrex cdr export</c> then <c>centrex rate --data</c>; ids make that exactly once).</summary>
    public long Uncharged => Volatile.Read(ref _uncharged);

    /// <summary>CDRs the store could not write; each was written to standard error in the export's CSV format instead.</summary>
    public long Lost => Volatile.Read(ref _lost);

    /// <summary>
    /// How far behind the CDR stage is: how long ago the switch emitted the oldest CDR the stage is working on and has
    /// not yet committed (zero when it holds none). A stage stuck on a slow disk shows a lag that grows until it
    /// commits; a stage keeping up shows milliseconds.
    /// </summary>
    public TimeSpan Lag => Volatile.Read(ref _oldestTaken) is var since and not 0 ? Stopwatch.GetElapsedTime(since) : TimeSpan.Zero;

    /// <summary>The stage took a batch whose first CDR was emitted at <paramref name="emittedAt"/> (a Stopwatch timestamp).</summary>
    internal void Taken(long emittedAt) => Volatile.Write(ref _oldestTaken, Math.Max(emittedAt, 1));

    /// <summary>The stage committed everything it took.</summary>
    internal void Committed() => Volatile.Write(ref _oldestTaken, 0);

    internal void AddStored() => Interlocked.Increment(ref _stored);

    internal void AddCharged() => Interlocked.Increment(ref _charged);

    internal void AddDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void AddUnrated() => Interlocked.Increment(ref _unrated);

    internal void AddUncharged(int count) => Interlocked.Add(ref _uncharged, count);

    internal void AddLost() => Interlocked.Increment(ref _lost);
}
