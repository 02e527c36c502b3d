using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Pipeline;

/// <summary>
/// Claim strategy for any number of publishing threads (the Disruptor's <c>MultiProducerSequencer</c>): producers
/// claim by compare-and-swap on the cursor, and because they publish in any order, each slot records the wrap
/// "round" of the sequence last published into it. Consumers read the highest <em>contiguously</em> published
/// sequence from those rounds (<see cref="GetHighestPublishedSequence"/>).
/// </summary>
/// <remarks>
/// The cursor here is the highest <em>claimed</em> sequence. The availability buffer replaces a per-slot "published"
/// flag that would need resetting: slot <c>s &amp; mask</c> holds <c>s &gt;&gt; log2(size)</c> once
/// <c>s</c> is published, a value that differs from the previous lap's without anyone clearing it.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 56 + 64 + 56)]
public sealed partial class MultiProducerSequencer : ISequencer
{
    [FieldOffset(56)]
    private readonly Sequence _cursor;

    // Shared lower bound of the gating sequences; a Sequence so it has its own cache line and atomic access.
    [FieldOffset(64)]
    private readonly Sequence _gatingSequenceCache;

    [FieldOffset(72)]
    private readonly int[] _availableBuffer;

    [FieldOffset(80)]
    private readonly IWaitStrategy _waitStrategy;

    [FieldOffset(88)]
    private Sequence[] _gatingSequences;

    [FieldOffset(96)]
    private Exception? _haltCause;

    [FieldOffset(104)]
    private readonly int _bufferSize;

    [FieldOffset(108)]
    private readonly int _indexMask;

    [FieldOffset(112)]
    private readonly int _indexShift;

    [FieldOffset(116)]
    private readonly bool _signalOnPublish;

    [FieldOffset(117)]
    private volatile bool _halted;

    // Trailing padding must be a field: the runtime ignores StructLayout.Size on explicit-layout classes (see
    // Sequence).
#pragma warning disable CS0169 // Never read or written: it only reserves space.
    [FieldOffset(168)]
    private readonly long _endPadding;
#pragma warning restore CS0169

    /// <summary>Creates the sequencer.</summary>
    /// <param name="bufferSize">Ring size, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait; signalled on publish if it blocks.</param>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        RingSize.Validate(bufferSize, nameof(bufferSize));
        ArgumentNullException.ThrowIfNull(waitStrategy);
        _bufferSize = bufferSize;
        _indexMask = bufferSize - 1;
        _indexShift = RingSize.Log2(bufferSize);
        _waitStrategy = waitStrategy;
        _signalOnPublish = waitStrategy.IsBlockingStrategy;
        _cursor = new Sequence();
        _gatingSequenceCache = new Sequence();
        _gatingSequences = [];

        // Round -1: no slot has been published in round 0 yet.
        _availableBuffer = new int[bufferSize];
        _availableBuffer.AsSpan().Fill(-1);
    }

    /// <inheritdoc />
    public int BufferSize => _bufferSize;

    /// <inheritdoc />
    public long Cursor => _cursor.Value;

    internal Sequence CursorSequence => _cursor;

    internal IWaitStrategy WaitStrategy => _waitStrategy;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => Next(1);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n)
    {
        if (n < 1 || n > _bufferSize)
        {
            ThrowHelper.ThrowClaimOutOfRange(n, _bufferSize);
        }

        var spinner = default(SpinWait);
        while (true)
        {
            var current = _cursor.Value;
            var next = current + n;
            var wrapPoint = next - _bufferSize;
            var cachedGatingSequence = _gatingSequenceCache.Value;

            // Capacity is proven against the cached minimum before the CAS, so a claim never covers a slot that a
            // consumer has not finished with (Disruptor 3's CAS loop; it also lets TryNext back out cleanly).
            if (wrapPoint > cachedGatingSequence || cachedGatingSequence > current)
            {
                RefreshGatingCache(wrapPoint, current, ref spinner);
            }
            else if (_cursor.CompareAndSet(current, next))
            {
                return next;
            }
        }
    }

    /// <inheritdoc />
    public bool TryNext(out long sequence) => TryNext(1, out sequence);

    /// <inheritdoc />
    public bool TryNext(int n, out long sequence)
    {
        if (n < 1 || n > _bufferSize)
        {
            ThrowHelper.ThrowClaimOutOfRange(n, _bufferSize);
        }

        long current;
        long next;
        do
        {
            current = _cursor.Value;
            next = current + n;
            if (!HasCapacity(n, current))
            {
                sequence = default;
                return false;
            }
        }
        while (!_cursor.CompareAndSet(current, next));

        sequence = next;
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        SetAvailable(sequence);
        if (_signalOnPublish)
        {
            _waitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc />
    public void Publish(long lo, long hi)
    {
        if (lo > hi)
        {
            ThrowHelper.ThrowPublishRangeInvalid(lo, hi);
        }

        for (var sequence = lo; sequence <= hi; sequence++)
        {
            SetAvailable(sequence);
        }

        if (_signalOnPublish)
        {
            _waitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAvailable(long sequence) =>
        Volatile.Read(ref AvailabilitySlot(sequence)) == AvailabilityRound(sequence);

    /// <inheritdoc />
    public long GetHighestPublishedSequence(long lowerBound, long availableSequence)
    {
        for (var sequence = lowerBound; sequence <= availableSequence; sequence++)
        {
            if (!IsAvailable(sequence))
            {
                return sequence - 1;
            }
        }

        return availableSequence;
    }

    /// <summary>Refuses further waits for capacity: called when the consumers have stopped for good.</summary>
    internal void Halt(Exception? cause)
    {
        _haltCause = cause;
        _halted = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetAvailable(long sequence) =>
        Volatile.Write(ref AvailabilitySlot(sequence), AvailabilityRound(sequence));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int AvailabilitySlot(long sequence)
    {
        // Safety: _indexMask = length - 1 >= 0, so (sequence & _indexMask) is in [0, length - 1] for every long,
        // negative ones included; the element exists and the JIT's bounds check would be redundant.
        var index = (int)(sequence & _indexMask);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_availableBuffer), index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AvailabilityRound(long sequence)
    {
        // Wrapping is intended: after 2^31 laps the round no longer fits an int (for a 1024-slot ring that is
        // 2^41 events, hours at full speed), and a checked cast would then throw. Rounds are only ever compared for
        // equality between a sequence and the value in its slot, which is that sequence's round or the previous
        // lap's (producers cannot lap the slowest consumer), and two rounds one apart stay unequal modulo 2^32.
        return unchecked((int)(sequence >> _indexShift));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefreshGatingCache(long wrapPoint, long current, ref SpinWait spinner)
    {
        var gatingSequence = SequenceGroups.Minimum(Volatile.Read(ref _gatingSequences), current);
        if (wrapPoint > gatingSequence)
        {
            if (_halted)
            {
                ThrowHelper.ThrowHalted(_haltCause);
            }

            spinner.SpinOnce(sleep1Threshold: -1);
            return;
        }

        _gatingSequenceCache.SetValue(gatingSequence);
    }

    private bool HasCapacity(int requiredCapacity, long cursorValue)
    {
        var wrapPoint = cursorValue + requiredCapacity - _bufferSize;
        var cachedGatingSequence = _gatingSequenceCache.Value;
        if (wrapPoint > cachedGatingSequence || cachedGatingSequence > cursorValue)
        {
            var minSequence = SequenceGroups.Minimum(Volatile.Read(ref _gatingSequences), cursorValue);
            _gatingSequenceCache.SetValue(minSequence);
            if (wrapPoint > minSequence)
            {
                return false;
            }
        }

        return true;
    }
}
