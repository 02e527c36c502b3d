using System.Runtime.InteropServices;

namespace Centrex.Pipeline;

/// <summary>
/// The read-mostly fields of a <see cref="RingBuffer{T}"/>, padded 56 bytes on each side. Producers read them on every
/// claim and publish; without the padding, a neighbouring object's hot field (a consumer's counter in a handler, say)
/// could share their cache line and make every read a miss. A struct because the runtime refuses explicit layout on a
/// generic class; the entry array is stored as <see cref="object"/> for the same reason and re-typed with
/// <c>Unsafe.As</c>, which costs nothing (Disruptor-net keeps its entries the same way).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 56 + 40 + 56)]
internal struct RingBufferFields
{
    [FieldOffset(56)]
    public object Entries;

    [FieldOffset(64)]
    public SingleProducerSequencer? Single;

    [FieldOffset(72)]
    public MultiProducerSequencer? Multi;

    [FieldOffset(80)]
    public ISequencer Sequencer;

    [FieldOffset(88)]
    public long IndexMask;

    [FieldOffset(96)]
    public int BufferSize;
}
