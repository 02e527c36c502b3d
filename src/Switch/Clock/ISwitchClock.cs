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
}
