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
/// <para>
/// The timers themselves are structs in one array, linked by index and reused through a free list, and each names an
/// <see cref="ITimerTarget"/> and a kind rather than a closure: scheduling a timer allocates nothing once the array has
/// grown to the partition's peak, and the only objects a waiting timer keeps alive are its target. At 1,000 calls/s
/// the transactions' 32-second timers (RFC 3261 Timer J, RFC 6026 Timers L and M) were an entry and a closure each,
/// 232,000 objects alive at once for every collection to trace and promote (bench/README.md, issue 14's GC tail). A
/// reused slot gets a new generation, so a stale <see cref="TimerHandle"/> cancels nothing.
/// </para>
/// </summary>
internal sealed class TimerWheel
{
    /// <summary>Slots per level.</summary>
    public const int Slots = 1 << SlotBits;

    private const int SlotBits = 10;
    private const long Mask = Slots - 1;
    private const int None = -1;

    private readonly long _resolution;
    private readonly int[] _near = new int[Slots];
    private readonly int[] _far = new int[Slots];
    private readonly List<DueTimer> _due = [];
    private Timer[] _timers = new Timer[256];
    private int _used;
    private int _free = None;
    private long _current;
    private long _sequence;

    /// <summary>A wheel whose time starts at <paramref name="start"/>, in steps of <paramref name="resolution"/>.</summary>
    public TimerWheel(Instant start, Duration resolution)
    {
        _resolution = resolution.BclCompatibleTicks;
        ArgumentOutOfRangeException.ThrowIfLessThan(_resolution, 1, nameof(resolution));
        _current = TickOf(start);
        Array.Fill(_near, None);
        Array.Fill(_far, None);
    }

    /// <summary>Timers scheduled and neither run nor cancelled.</summary>
    public int Count { get; private set; }

    /// <summary>Timer slots taken so far, in use or free for reuse: the peak of <see cref="Count"/>.</summary>
    public int SlotsTaken => _used;

    /// <summary>Tells <paramref name="target"/> <c>OnTimer(<paramref name="kind"/>)</c> once <see cref="RunDue"/> reaches <paramref name="due"/>, unless cancelled first.</summary>
    public TimerHandle Schedule(Instant due, ITimerTarget target, int kind)
    {
        ArgumentNullException.ThrowIfNull(target);
        var index = Take();
        ref var timer = ref _timers[index];
        timer.Due = due;
        timer.Tick = Math.Max(TickOf(due), _current);
        timer.Sequence = _sequence++;
        timer.Target = target;
        timer.Kind = kind;
        timer.Pending = true;
        Insert(index);
        Count++;
        return new TimerHandle(this, index, timer.Generation);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> once <see cref="RunDue"/> reaches <paramref name="due"/>, unless cancelled first: for
    /// the rarer timers of call features, at the cost of the closure and a handle object.
    /// </summary>
    public ISwitchTimer Schedule(Instant due, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new CallbackTimer(callback);
        timer.Handle = Schedule(due, timer, 0);
        return timer;
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

    /// <summary>Whether the timer in <paramref name="index"/> of <paramref name="generation"/> still waits.</summary>
    internal bool IsPending(int index, int generation)
    {
        ref readonly var timer = ref _timers[index];
        return timer.Pending && timer.Generation == generation;
    }

    /// <summary>Cancels the timer in <paramref name="index"/> if it is still the one of <paramref name="generation"/> and waits.</summary>
    internal void Cancel(int index, int generation)
    {
        if (IsPending(index, generation))
        {
            Release(index);
        }
    }

    private long TickOf(Instant instant) => instant.ToUnixTimeTicks() / _resolution;

    /// <summary>A free timer slot: a reused one, else the next never used, the array doubled when full.</summary>
    private int Take()
    {
        if (_free != None)
        {
            var index = _free;
            _free = _timers[index].Next;
            return index;
        }

        if (_used == _timers.Length)
        {
            Array.Resize(ref _timers, _timers.Length * 2);
        }

        return _used++;
    }

    /// <summary>Takes a waiting timer off the wheel and frees its slot under a new generation.</summary>
    private void Release(int index)
    {
        Unlink(index);
        Count--;
        ref var timer = ref _timers[index];
        timer.Pending = false;
        timer.Target = null; // the target is not kept alive by a free slot
        timer.Generation++;
        timer.Next = _free;
        _free = index;
    }

    private ref int HeadOf(in Timer timer) =>
        ref timer.Level == 0 ? ref _near[timer.Tick & Mask] : ref _far[(timer.Tick >> SlotBits) & Mask];

    private void Insert(int index)
    {
        ref var timer = ref _timers[index];
        timer.Level = timer.Tick - _current < Slots ? 0 : 1;
        ref var head = ref HeadOf(timer);
        timer.Previous = None;
        timer.Next = head;
        if (head != None)
        {
            _timers[head].Previous = index;
        }

        head = index;
    }

    private void Unlink(int index)
    {
        ref var timer = ref _timers[index];
        if (timer.Previous == None)
        {
            HeadOf(timer) = timer.Next;
        }
        else
        {
            _timers[timer.Previous].Next = timer.Next;
        }

        if (timer.Next != None)
        {
            _timers[timer.Next].Previous = timer.Previous;
        }

        timer.Previous = timer.Next = None;
    }

    /// <summary>At the start of a level-0 turn, the level-1 entries of that turn move down (later rounds stay).</summary>
    private void Cascade()
    {
        var index = _far[(_current >> SlotBits) & Mask];
        while (index != None)
        {
            var next = _timers[index].Next;
            if (_timers[index].Tick - _current < Slots)
            {
                Unlink(index);
                Insert(index);
            }

            index = next;
        }
    }

    /// <summary>Runs the current slot's entries due by <paramref name="now"/>, again while callbacks add more.</summary>
    private void RunSlot(Instant now)
    {
        while (true)
        {
            _due.Clear();
            for (var index = _near[_current & Mask]; index != None; index = _timers[index].Next)
            {
                ref readonly var timer = ref _timers[index];
                if (timer.Tick == _current && timer.Due <= now)
                {
                    _due.Add(new DueTimer(timer.Due, timer.Sequence, index, timer.Generation));
                }
            }

            if (_due.Count == 0)
            {
                return;
            }

            _due.Sort(static (a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : a.Sequence.CompareTo(b.Sequence));
            foreach (var due in _due)
            {
                // A callback before this one may have cancelled it, and its slot may already serve a new timer: the
                // generation tells. The slot is freed before the target runs, so what the target schedules may reuse it.
                if (!IsPending(due.Index, due.Generation))
                {
                    continue;
                }

                var target = _timers[due.Index].Target!;
                var kind = _timers[due.Index].Kind;
                Release(due.Index);
                target.OnTimer(kind);
            }
        }
    }

    private Instant? Earliest(int index)
    {
        Instant? earliest = null;
        for (; index != None; index = _timers[index].Next)
        {
            var due = _timers[index].Due;
            if (earliest is null || due < earliest)
            {
                earliest = due;
            }
        }

        return earliest;
    }

    /// <summary>One timer: linked by index into its slot's list while it waits, into the free list after.</summary>
    private struct Timer
    {
        public Instant Due;
        public long Tick;
        public long Sequence;
        public ITimerTarget? Target;
        public int Kind;
        public int Previous;
        public int Next;
        public int Generation;
        public int Level;
        public bool Pending;
    }

    private readonly record struct DueTimer(Instant Due, long Sequence, int Index, int Generation);

    /// <summary>A closure's timer, for <see cref="Schedule(Instant, Action)"/>.</summary>
    private sealed class CallbackTimer(Action callback) : ITimerTarget, ISwitchTimer
    {
        public TimerHandle Handle;

        public void OnTimer(int kind) => callback();

        public void Cancel() => Handle.Cancel();
    }
}
