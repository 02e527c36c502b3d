using NodaTime;

namespace Centrex.Switch.Clock;

/// <summary>Where a partition's stack puts its timers: the partition's own wheel, run on the partition's thread.</summary>
internal interface ITimerScheduler
{
    /// <summary>Runs <paramref name="callback"/> on the partition's thread once the clock reaches <paramref name="due"/>, unless cancelled.</summary>
    ISwitchTimer Schedule(Instant due, Action callback);
}
