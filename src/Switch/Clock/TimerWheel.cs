using NodaTime;

namespace Centrex.Switch.Clock;

/// <summary>
/// The timers of one call-control partition: a two-level hashed timing wheel (Varghese and Lauck, "Hashed and
/// Hierarchical Timing Wheels", 1987; the Linux kernel's timer wheel) owned by the partition's single thread, so
/// scheduling and cancelling are O(1) and take no lock, and no OS timer exists per transaction: the partition keeps
/// one wake-up on its clock for <see cref="NextDue"/>. Level 0 has <see cref="Slots"/> slots of one resolution step
/// (10 ms by default: 10.24 s ahead), level 1 as many slots of a whole level-0 turn (about 2.9 hours ahead); an entry
/// further out waits in level 1 for its round. <see cref="RunDue"/> runs every timer due at or before the given
/// instant in due order (ties in scheduling order), including timers those callbacks schedule for the past, so a
/// manual clock sees exactly the order it would with one timer per callback.
/// </summary>
internal sealed class TimerWheel
{
    /// <summary>Slots per level.</summary>
    public const int Slots = 1 << SlotBits;

    private const int SlotBits = 10;
    private const long Mask = Slots - 1;

    private readonly long _resolution;
    private readonly Entry?[] _near = new Entry?[Slots];
    private readonly Entry?[] _far = new Entry?[Slots];
    private readonly List<Entry> _due = [];
    private long _current;
    private long _sequence;

    /// <summary>A wheel whose time starts at <paramref name="start"/>, in steps of <paramref name="resolution"/>.</summary>
    public TimerWheel(Instant start, Duration resolution)
    {
        _resolution = resolution.BclCompatibleTicks;
        ArgumentOutOfRangeException.ThrowIfLessThan(_resolution, 1, nameof(resolution));
        _current = TickOf(start);
    }

    /// <summary>Timers scheduled and neither run nor cancelled.</summary>
    public int Count { get; private set; }

    /// <summary>Runs <paramref name="callback"/> once <see cref="RunDue"/> reaches <paramref name="due"/>, unless cancelled first.</summary>
    public ISwitchTimer Schedule(Instant due, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var entry = new Entry(this, due, Math.Max(TickOf(due), _current), _sequence++, callback);
        Insert(entry);
        Count++;
        return entry;
    }

    /// <summary>Runs every timer due at or before <paramref name="now"/>, earliest first.</summary>
    public void RunDue(Instant now)
    {
        var target = TickOf(now);
        while (true)
        {
            if (Count == 0 && _current < target)
            {
                _current = target; // nothing to cascade or run in between
            }

            if ((_current & Mask) == 0)
            {
                Cascade();
            }

            RunSlot(now);
            if (_current >= target)
            {
                return;
            }

            _current++;
        }
    }

    /// <summary>The earliest instant a timer is due, or null when none is scheduled.</summary>
    public Instant? NextDue()
    {
        if (Count == 0)
        {
            return null;
        }

        for (var tick = _current; tick < _current + Slots; tick++)
        {
            if (Earliest(_near[tick & Mask]) is { } due)
            {
                return due;
            }
        }

        Instant? earliest = null;
        foreach (var head in _far)
        {
            if (Earliest(head) is { } due && (earliest is null || due < earliest))
            {
                earliest = due;
            }
        }

        return earliest;
    }

    private long TickOf(Instant instant) => instant.ToUnixTimeTicks() / _resolution;

    private void Insert(Entry entry)
    {
        ref var head = ref entry.Tick - _current < Slots ? ref _near[entry.Tick & Mask] : ref _far[(entry.Tick >> SlotBits) & Mask];
        entry.Level = entry.Tick - _current < Slots ? 0 : 1;
        entry.Previous = null;
        entry.Next = head;
        if (head is not null)
        {
            head.Previous = entry;
        }

        head = entry;
    }

    private void Unlink(Entry entry)
    {
        ref var head = ref entry.Level == 0 ? ref _near[entry.Tick & Mask] : ref _far[(entry.Tick >> SlotBits) & Mask];
        if (entry.Previous is null)
        {
            head = entry.Next;
        }
        else
        {
            entry.Previous.Next = entry.Next;
        }

        if (entry.Next is not null)
        {
            entry.Next.Previous = entry.Previous;
        }

        entry.Previous = entry.Next = null;
    }

    /// <summary>At the start of a level-0 turn, the level-1 entries of that turn move down (later rounds stay).</summary>
    private void Cascade()
    {
        var entry = _far[(_current >> SlotBits) & Mask];
        while (entry is not null)
        {
            var next = entry.Next;
            if (entry.Tick - _current < Slots)
            {
                Unlink(entry);
                Insert(entry);
            }

            entry = next;
        }
    }

    /// <summary>Runs the current slot's entries due by <paramref name="now"/>, again while callbacks add more.</summary>
    private void RunSlot(Instant now)
    {
        while (true)
        {
            _due.Clear();
            for (var entry = _near[_current & Mask]; entry is not null; entry = entry.Next)
            {
                if (entry.Tick == _current && entry.Due <= now)
                {
                    _due.Add(entry);
                }
            }

            if (_due.Count == 0)
            {
                return;
            }

            _due.Sort(static (a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : a.Sequence.CompareTo(b.Sequence));
            foreach (var entry in _due)
            {
                if (entry.Take())
                {
                    entry.Callback();
                }
            }
        }
    }

    private static Instant? Earliest(Entry? entry)
    {
        Instant? earliest = null;
        for (; entry is not null; entry = entry.Next)
        {
            if (earliest is null || entry.Due < earliest)
            {
                earliest = entry.Due;
            }
        }

        return earliest;
    }

    /// <summary>One scheduled callback, linked into its slot until it runs or is cancelled.</summary>
    private sealed class Entry(TimerWheel wheel, Instant due, long tick, long sequence, Action callback) : ISwitchTimer
    {
        public Instant Due { get; } = due;

        public long Tick { get; } = tick;

        public long Sequence { get; } = sequence;

        public Action Callback { get; } = callback;

        public int Level;
        public Entry? Previous;
        public Entry? Next;
        private bool _done;

        /// <summary>Takes the entry off the wheel to run it; false when it was cancelled meanwhile.</summary>
        public bool Take()
        {
            if (_done)
            {
                return false;
            }

            _done = true;
            wheel.Unlink(this);
            wheel.Count--;
            return true;
        }

        /// <summary>Only from the wheel's own thread, like everything of the partition.</summary>
        public void Cancel() => Take();
    }
}
