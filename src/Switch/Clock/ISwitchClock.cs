using NodaTime;

namespace Centrex.Switch.Clock;

/// <summary>
/// The switch's time: the current instant and one-shot timers. Every SIP timer (RFC 3261 §17, timers A–K), the
/// no-answer timer and the call duration caps run on it, so tests drive them with <see cref="ManualSwitchClock"/>.
/// </summary>
public interface ISwitchClock
{
    /// <summary>The current instant.</summary>
    Instant Now { get; }

    /// <summary>Runs <paramref name="callback"/> once, <paramref name="delay"/> from now, unless cancelled first.</summary>
    ISwitchTimer Schedule(Duration delay, Action callback);

    /// <summary>
    /// Whether a timer callback must finish its work before the clock moves on: a manual clock runs timers one by one at
    /// their instants, so a partition's wake-up waits until the partition has handled it. A real clock's callback only
    /// queues the wake-up.
    /// </summary>
    bool WaitsForTimers => false;
}
