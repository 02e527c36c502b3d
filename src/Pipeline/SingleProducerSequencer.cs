using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Pipeline;

/// <summary>
/// Claim strategy for exactly one publishing thread (the Disruptor's <c>SingleProducerSequencer</c>): a claim is an
/// addition on a field only the producer touches, no compare-and-swap, and the slowest consumer's position is cached
/// so the gating sequences are read only when the cache says the ring might be full.
/// </summary>
/// <remarks>
/// Calling the claim methods from more than one thread at a time corrupts the sequence; use
/// <see cref="MultiProducerSequencer"/> for that. The producer may claim several times before publishing, but must
/// publish in claim order: a single producer's cursor is its highest published sequence.
/// The explicit layout pads the producer's fields 56 bytes on each side (like <see cref="Sequence"/>): the object sits
/// next to whatever was allocated before and after it, and a consumer writing there must not evict the producer's
/// claim state on every event.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 56 + 64 + 56)]
public sealed partial class SingleProducerSequencer : ISequencer
{
    [FieldOffset(56)]
    private readonly Sequence _cursor;

    [FieldOffset(64)]
    private readonly IWaitStrategy _waitStrategy;

    [FieldOffset(72)]
    private Sequence[] _gatingSequences;

    [FieldOffset(80)]
    private Exception? _haltCause;

    // Producer-only: the highest claimed sequence, and the highest sequence that can be claimed without looking at
    // the consumers. The latter is the Disruptor's cached gating minimum stored with the buffer size already added
    // ("wrapPoint <= cached" is "next <= cached + size"), so the claim check is one load and one compare.
    [FieldOffset(88)]
    private long _nextValue;

    [FieldOffset(96)]
    private long _claimLimit;

    [FieldOffset(104)]
    private readonly int _bufferSize;

    [FieldOffset(108)]
    private readonly bool _signalOnPublish;

    [FieldOffset(112)]
    private volatile int _halted;

    // Trailing padding must be a field: the runtime ignores StructLayout.Size on explicit-layout classes (see
    // Sequence).
#pragma warning disable CS0169 // Never read or written: it only reserves space.
    [FieldOffset(168)]
    private readonly long _endPadding;
#pragma warning restore CS0169

    /// <summary>Creates the sequencer.</summary>
    /// <param name="bufferSize">Ring size, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait; signalled on publish if it blocks.</param>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        RingSize.Validate(bufferSize, nameof(bufferSize));
        ArgumentNullException.ThrowIfNull(waitStrategy);
        _bufferSize = bufferSize;
        _waitStrategy = waitStrategy;
        _signalOnPublish = waitStrategy.IsBlockingStrategy;
        _cursor = new Sequence();
        _gatingSequences = [];
        _nextValue = Sequence.InitialValue;
        _claimLimit = Sequence.InitialValue + bufferSize;
    }

    /// <inheritdoc />
    public int BufferSize => _bufferSize;

    /// <inheritdoc />
    public long Cursor => _cursor.Value;

    internal Sequence CursorSequence => _cursor;

    internal IWaitStrategy WaitStrategy => _waitStrategy;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next()
    {
        var nextSequence = _nextValue + 1;

        // The limit comes from a lower bound of every gating sequence, so staying under it proves the slot is free
        // without touching a consumer's cache line; only past it do we go and look.
        if (nextSequence > _claimLimit)
        {
            WaitForCapacity(nextSequence);
        }

        _nextValue = nextSequence;
        return nextSequence;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n)
    {
        if (n < 1 || n > _bufferSize)
        {
            ThrowHelper.ThrowClaimOutOfRange(n, _bufferSize);
        }

        var nextSequence = _nextValue + n;
        if (nextSequence > _claimLimit)
        {
            WaitForCapacity(nextSequence);
        }

        _nextValue = nextSequence;
        return nextSequence;
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

        if (!HasCapacity(n, updateCache: true))
        {
            sequence = default;
            return false;
        }

        sequence = _nextValue + n;
        _nextValue = sequence;
        return true;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        _cursor.SetValue(sequence);
        if (_signalOnPublish)
        {
            _waitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc />
    /// <remarks>With one producer the cursor is the publication record, so publishing a range is publishing its
    /// highest sequence.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long lo, long hi) => Publish(hi);

    /// <inheritdoc />
    public bool IsAvailable(long sequence)
    {
        var cursor = _cursor.Value;
        return sequence <= cursor && sequence > cursor - _bufferSize;
    }

    /// <inheritdoc />
    /// <remarks>A single producer publishes in order, so everything up to the cursor is published.</remarks>
    public long GetHighestPublishedSequence(long lowerBound, long availableSequence) => availableSequence;

    /// <summary>Refuses further waits for capacity: called when the consumers have stopped for good.</summary>
    internal void Halt(Exception? cause)
    {
        _haltCause = cause;
        _halted = 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long nextSequence)
    {
        var nextValue = _nextValue;
        var wrapPoint = nextSequence - _bufferSize;
        var spinner = default(SpinWait);
        long minSequence;
        while (wrapPoint > (minSequence = SequenceGroups.Minimum(Volatile.Read(ref _gatingSequences), nextValue)))
        {
            if (_halted != 0)
            {
                ThrowHelper.ThrowHalted(_haltCause);
            }

            // Yield rather than park: the consumer needs this core on a 2-core box, and Sleep(1) (~1 ms on Linux)
            // would cost a full ring's worth of throughput.
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _claimLimit = minSequence + _bufferSize;
    }

    private bool HasCapacity(int requiredCapacity, bool updateCache)
    {
        var nextValue = _nextValue;
        var nextSequence = nextValue + requiredCapacity;
        if (nextSequence > _claimLimit)
        {
            var minSequence = SequenceGroups.Minimum(Volatile.Read(ref _gatingSequences), nextValue);
            if (updateCache)
            {
                _claimLimit = minSequence + _bufferSize;
            }

            if (nextSequence - _bufferSize > minSequence)
            {
                return false;
            }
        }

        return true;
    }
}
