using NodaTime;

namespace Centrex.Switch.Clock;

/// <summary>Where a partition's stack puts its timers: the partition's own wheel, run on the partition's thread.</summary>
internal interface ITimerScheduler
{
    /// <summary>Runs <paramref name="callback"/> on the partition's thread once the clock reaches <paramref name="due"/>, unless cancelled.</summary>
    ISwitchTimer Schedule(Instant due, Action callback);

    /// <summary>
    /// Tells <paramref name="target"/> <c>OnTimer(<paramref name="kind"/>)</c> on the partition's thread once the clock
    /// reaches <paramref name="due"/>, unless cancelled: no closure and no object per timer (<see cref="TimerWheel"/>).
    /// </summary>
    TimerHandle Schedule(Instant due, ITimerTarget target, int kind);
}
