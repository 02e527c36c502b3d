using NodaTime;

namespace Centrex.Switch.Clock;

/// <summary>Wall-clock time and thread-pool timers (<see cref="System.Threading.Timer"/>).</summary>
public sealed class SystemSwitchClock : ISwitchClock
{
    /// <summary>The one instance.</summary>
    public static SystemSwitchClock Instance { get; } = new();

    /// <inheritdoc/>
    public Instant Now => SystemClock.Instance.GetCurrentInstant();

    /// <inheritdoc/>
    public ISwitchTimer Schedule(Duration delay, Action callback)
    {
        var handle = new Handle();
        var due = delay > Duration.Zero ? delay.ToTimeSpan() : TimeSpan.Zero; // whole ticks: no floating point in time
        handle.Timer = new Timer(static state => ((Handle)state!).Fire(), handle, Timeout.Infinite, Timeout.Infinite);
        handle.Callback = callback;
        handle.Timer.Change(due, Timeout.InfiniteTimeSpan);
        return handle;
    }

    private sealed class Handle : ISwitchTimer
    {
        private int _state;

        public Timer? Timer;
        public Action? Callback;

        public void Fire()
        {
            if (Interlocked.Exchange(ref _state, 1) == 0)
            {
                Timer?.Dispose();
                Callback?.Invoke();
            }
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _state, 1) == 0)
            {
                Timer?.Dispose();
            }
        }
    }
}
