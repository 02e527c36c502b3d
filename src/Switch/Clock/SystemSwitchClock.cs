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
        var milliseconds = Math.Max(0L, (long)delay.TotalMilliseconds);
        handle.Timer = new Timer(static state => ((Handle)state!).Fire(), handle, Timeout.Infinite, Timeout.Infinite);
        handle.Callback = callback;
        handle.Timer.Change(milliseconds, Timeout.Infinite);
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
