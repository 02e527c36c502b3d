namespace Centrex.Switch.Clock;

/// <summary>
/// What a <see cref="TimerWheel"/> timer wakes: the object whose timer it is (a transaction, a call), told which of its
/// timers ran. Scheduled this way a timer needs no closure: at 1,000 calls/s the closures and entries of the 32-second
/// transaction timers were 232,000 objects alive at once (bench/README.md, issue 14's GC tail).
/// </summary>
internal interface ITimerTarget
{
    /// <summary>The timer scheduled with <paramref name="kind"/> ran (on the partition's thread).</summary>
    void OnTimer(int kind);
}
