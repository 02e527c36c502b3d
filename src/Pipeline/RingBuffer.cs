using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Pipeline;

/// <summary>
/// A pre-allocated ring of <typeparamref name="T"/> entries that producers claim, fill in place and publish, and
/// consumers read in place (the LMAX Disruptor's <c>RingBuffer</c>). Every entry is allocated once, here; publishing
/// and consuming an event allocate nothing and take no lock.
/// </summary>
/// <typeparam name="T">The entry: a struct, accessed by <see langword="ref"/> so it is never copied.</typeparam>
/// <remarks>
/// Producers never overwrite a slot that a gating consumer (see <see cref="AddGatingSequences"/>) has not processed:
/// a claim waits (spinning, then yielding) until the slowest one has moved on. A ring with no gating sequences does not
/// wait and will lap itself; the <see cref="Disruptor{T}"/> always registers its last stage.
/// </remarks>
public sealed partial class RingBuffer<T>
    where T : struct
{
    // Bytes of unused entries before the first and after the last slot: two cache lines, because the adjacent-line
    // prefetcher pulls lines in pairs. Keeps slot 0 off the array header's line (the length is read on every
    // bounds-checked access to the array by anyone) and the last slot off whatever object follows the array.
    private const int PaddingBytes = 128;

    private readonly RingBufferFields _fields;

    private RingBuffer(ISequencer sequencer, Func<T>? factory)
    {
        var bufferSize = sequencer.BufferSize;
        var padding = EntryPadding;
        var entries = new T[bufferSize + (2 * padding)];
        if (factory is not null)
        {
            // The only place entries are created: a slot that needs a buffer (a CDR's bytes, say) gets it now,
            // and every later use of the slot reuses it.
            for (var i = 0; i < bufferSize; i++)
            {
                entries[padding + i] = factory();
            }
        }

        _fields = new RingBufferFields
        {
            Entries = entries,
            Single = sequencer as SingleProducerSequencer,
            Multi = sequencer as MultiProducerSequencer,
            Sequencer = sequencer,
            IndexMask = bufferSize - 1,
            BufferSize = bufferSize,
        };
    }

    /// <summary>Number of slots, a power of two.</summary>
    public int BufferSize => _fields.BufferSize;

    /// <summary>The producer cursor: for a single producer the highest published sequence, for several the highest
    /// claimed one.</summary>
    public long Cursor => _fields.Sequencer.Cursor;

    /// <summary>The claim strategy.</summary>
    public ISequencer Sequencer => _fields.Sequencer;

    /// <summary>Whether claims go through the multi-producer strategy.</summary>
    public ProducerType ProducerType => _fields.Multi is null ? ProducerType.Single : ProducerType.Multi;

    /// <summary>The slot for <paramref name="sequence"/>: sequences one lap apart share a slot.</summary>
    /// <param name="sequence">Any sequence; normally one claimed by this producer or made available by a
    /// barrier.</param>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var entries = Unsafe.As<T[]>(_fields.Entries);

            // Safety: IndexMask = BufferSize - 1 >= 0, so (sequence & IndexMask) is in [0, BufferSize - 1] for every
            // long, negative ones included, and EntryPadding + BufferSize - 1 < entries.Length by construction; the
            // element exists, so the bounds check is skipped. Unchecked: both terms are below entries.Length, an
            // int, so the sum cannot overflow nint. EntryPadding is a JIT-time constant for each T: no load.
            var index = unchecked((nint)(sequence & _fields.IndexMask) + EntryPadding);
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entries), index);
        }
    }

    /// <summary>Creates a ring for one publishing thread.</summary>
    /// <param name="bufferSize">Slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <returns>The ring, entries zeroed.</returns>
    public static RingBuffer<T> CreateSingleProducer(int bufferSize, IWaitStrategy waitStrategy) =>
        Create(ProducerType.Single, bufferSize, waitStrategy, factory: null);

    /// <summary>Creates a ring for one publishing thread, filling every slot from <paramref name="factory"/>.</summary>
    /// <param name="bufferSize">Slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <param name="factory">Called once per slot, here and never again.</param>
    /// <returns>The ring.</returns>
    public static RingBuffer<T> CreateSingleProducer(int bufferSize, IWaitStrategy waitStrategy, Func<T> factory) =>
        Create(ProducerType.Single, bufferSize, waitStrategy, factory ?? throw new ArgumentNullException(nameof(factory)));

    /// <summary>Creates a ring any number of threads may publish to.</summary>
    /// <param name="bufferSize">Slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <returns>The ring, entries zeroed.</returns>
    public static RingBuffer<T> CreateMultiProducer(int bufferSize, IWaitStrategy waitStrategy) =>
        Create(ProducerType.Multi, bufferSize, waitStrategy, factory: null);

    /// <summary>Creates a ring any number of threads may publish to, filling every slot from
    /// <paramref name="factory"/>.</summary>
    /// <param name="bufferSize">Slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <param name="factory">Called once per slot, here and never again.</param>
    /// <returns>The ring.</returns>
    public static RingBuffer<T> CreateMultiProducer(int bufferSize, IWaitStrategy waitStrategy, Func<T> factory) =>
        Create(ProducerType.Multi, bufferSize, waitStrategy, factory ?? throw new ArgumentNullException(nameof(factory)));

    /// <summary>Creates a ring with the given claim strategy.</summary>
    /// <param name="producerType">One publishing thread or several.</param>
    /// <param name="bufferSize">Slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <param name="factory">Fills each slot once, or <see langword="null"/> to leave entries zeroed.</param>
    /// <returns>The ring.</returns>
    public static RingBuffer<T> Create(ProducerType producerType, int bufferSize, IWaitStrategy waitStrategy, Func<T>? factory = null)
    {
        ISequencer sequencer = producerType switch
        {
            ProducerType.Single => new SingleProducerSequencer(bufferSize, waitStrategy),
            ProducerType.Multi => new MultiProducerSequencer(bufferSize, waitStrategy),
            _ => throw new ArgumentOutOfRangeException(nameof(producerType), producerType, "Unknown producer type."),
        };
        return new RingBuffer<T>(sequencer, factory);
    }

    /// <summary>Unused entries before the first slot and after the last, at least <see cref="PaddingBytes"/> bytes
    /// each side. Unsafe.SizeOf is a JIT-time constant, so this folds to a constant in the indexer.</summary>
    internal static int EntryPadding
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => EntryPaddingFor(Unsafe.SizeOf<T>());
    }

    /// <summary>The backing array, padding included (for processors, which hoist it into a local).</summary>
    internal T[] Entries => Unsafe.As<T[]>(_fields.Entries);

    internal long IndexMask => _fields.IndexMask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int EntryPaddingFor(int entrySize) => (PaddingBytes + entrySize - 1) / entrySize;

    /// <summary>Makes producers that would wait for capacity throw <see cref="PipelineHaltedException"/>: the
    /// consumers have stopped and will not free slots again.</summary>
    internal void Halt(Exception? cause)
    {
        _fields.Single?.Halt(cause);
        _fields.Multi?.Halt(cause);
    }
}
