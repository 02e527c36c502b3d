using NodaTime;

namespace Centrex.Switch.Clock;

/// <summary>
/// A clock that moves only when told: <see cref="Advance"/> runs every timer that falls due, in order, on the
/// calling thread. For tests (the 120-minute cap, Timer B and friends) and for anything that needs determinism.
/// </summary>
public sealed class ManualSwitchClock(Instant start) : ISwitchClock
{
    private readonly object _lock = new();
    private readonly PriorityQueue<Entry, (Instant, long)> _queue = new();
    private long _sequence;
    private Instant _now = start;

    /// <inheritdoc/>
    public Instant Now
    {
        get
        {
            lock (_lock)
            {
                return _now;
            }
        }
    }

    /// <inheritdoc/>
    public bool WaitsForTimers => true;

    /// <summary>How many timers are scheduled and not cancelled.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.UnorderedItems.Count(item => !item.Element.Cancelled);
            }
        }
    }

    /// <inheritdoc/>
    public ISwitchTimer Schedule(Duration delay, Action callback)
    {
        lock (_lock)
        {
            var entry = new Entry(callback);
            _queue.Enqueue(entry, (_now + delay, _sequence++));
            return entry;
        }
    }

    /// <summary>Moves time forward by <paramref name="by"/>, running due timers one by one at their due instants.</summary>
    public void Advance(Duration by)
    {
        Instant target;
        lock (_lock)
        {
            target = _now + by;
        }

        while (true)
        {
            Entry entry;
            lock (_lock)
            {
                if (!_queue.TryPeek(out entry!, out var due) || due.Item1 > target)
                {
                    _now = target;
                    return;
                }

                _queue.Dequeue();
                _now = due.Item1;
            }

            if (!entry.Cancelled)
            {
                entry.Cancelled = true;
                entry.Callback();
            }
        }
    }

    private sealed class Entry(Action callback) : ISwitchTimer
    {
        public Action Callback { get; } = callback;

        public volatile bool Cancelled;

        public void Cancel() => Cancelled = true;
    }
}
