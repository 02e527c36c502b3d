namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Decides, at each of the call-log indexer's ticks, whether to index now or to hold off because the ledger is charging
/// in bulk (CDR ingestion in large batches). The journal grows in steps, one group commit at a time: at 300,000 CDRs/s
/// in batches of 100,000 a commit of ~11 MB lands about every third of a second, and a tick can fall between two of
/// them. Judged one tick at a time (the seventh session's rule) such a tick looked quiet, the indexer ran a pass in the
/// middle of the ingestion and took 0.77 µs of serve's CPU per ingested CDR (bench/README, "Full scale on a quiet host,
/// seventh session"). So bulk charging is over only once the journal has grown by less than the threshold for every tick
/// of <see cref="Settle"/>; a switch's own traffic stays under the threshold at every tick and is indexed at the next
/// one as before. A pass still runs after <see cref="MaxDefer"/> of continuous bulk charging, so the index is never
/// stale for long. Not thread-safe: the indexer's one thread owns it.
/// </summary>
/// <param name="bulkBytesPerTick">Journal growth in one tick that counts as bulk charging.</param>
/// <param name="settle">How long the journal must stay under that growth before a pass runs.</param>
/// <param name="maxDefer">Longest the passes are held off while bulk charging goes on.</param>
internal sealed class BulkChargingHoldOff(long bulkBytesPerTick, TimeSpan settle, TimeSpan maxDefer)
{
    private long _seen = -1;
    private TimeSpan _lastBulk = TimeSpan.MinValue;
    private TimeSpan _lastPass;

    /// <summary>How long the journal must stay under the bulk growth before a pass runs.</summary>
    public TimeSpan Settle => settle;

    /// <summary>Longest the passes are held off while bulk charging goes on.</summary>
    public TimeSpan MaxDefer => maxDefer;

    /// <summary>Whether to run a pass at this tick.</summary>
    /// <param name="committedUntil">The journal's committed end now.</param>
    /// <param name="now">The time now (any monotonic origin, the same at every call).</param>
    public bool ShouldIndex(long committedUntil, TimeSpan now)
    {
        if (_seen < 0)
        {
            _seen = committedUntil; // the first tick: nothing to compare with, and what is there already is backlog
            _lastPass = now;
            return true;
        }

        if (committedUntil - _seen >= bulkBytesPerTick)
        {
            _lastBulk = now;
        }

        _seen = committedUntil;
        return _lastBulk == TimeSpan.MinValue || now - _lastBulk >= settle || now - _lastPass >= maxDefer;
    }

    /// <summary>A pass ended: what it indexed is not growth seen at the next tick, and the defer starts again.</summary>
    /// <param name="committedUntil">The journal's committed end when the pass ended.</param>
    /// <param name="now">The time now.</param>
    public void Indexed(long committedUntil, TimeSpan now)
    {
        _seen = committedUntil;
        _lastPass = now;
    }
}
