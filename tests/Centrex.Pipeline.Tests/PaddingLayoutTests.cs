using System.Runtime.CompilerServices;
using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

/// <summary>The false-sharing defences: padded objects really are as large as declared, and ring entries stay two
/// cache lines away from the array's ends.</summary>
public sealed class PaddingLayoutTests
{
    // Object header (sync block) + method table pointer, on 64-bit.
    private const int ObjectOverhead = 16;

    [Fact]
    public void HeapSizeHelper_MatchesTypesOfKnownSize()
    {
        Assert.Equal(8, IntPtr.Size);
        Assert.Equal(ObjectOverhead + 8, ObjectLayout.HeapSize(typeof(OneLong)));
        Assert.Equal(ObjectOverhead + 24, ObjectLayout.HeapSize(typeof(ThreeLongs)));
    }

    [Fact]
    public void Sequence_HeapObjectHas56BytesOfPaddingEachSideOfTheValue()
    {
        Assert.Equal(ObjectOverhead + 120, ObjectLayout.HeapSize(typeof(Sequence)));
    }

    [Theory]
    [InlineData(typeof(SingleProducerSequencer))]
    [InlineData(typeof(MultiProducerSequencer))]
    public void Sequencers_HeapObjectKeepsDeclaredPaddingAfterTheLastField(Type sequencer)
    {
        Assert.Equal(ObjectOverhead + 56 + 64 + 56, ObjectLayout.HeapSize(sequencer));
    }

    [Fact]
    public void RingBufferFields_Are56BytesFromEitherEndOfTheirStruct()
    {
        Assert.Equal(56 + 40 + 56, Unsafe.SizeOf<RingBufferFields>());
        var fields = default(RingBufferFields);
        ref var start = ref Unsafe.As<RingBufferFields, byte>(ref fields);
        Assert.Equal(56, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<object, byte>(ref fields.Entries)));
        Assert.Equal(96, (int)Unsafe.ByteOffset(ref start, ref Unsafe.As<int, byte>(ref fields.BufferSize)));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    public void Entries_PaddedByAtLeast128BytesBeforeTheFirstAndAfterTheLastSlot(int size)
    {
        var ring = RingBuffer<TestEvent>.CreateSingleProducer(size, new BusySpinWaitStrategy());
        var padding = RingBuffer<TestEvent>.EntryPadding;
        Assert.True(padding * Unsafe.SizeOf<TestEvent>() >= 128, $"{padding} entries of {Unsafe.SizeOf<TestEvent>()} bytes");
        Assert.Equal(size + (2 * padding), ring.Entries.Length);

        var small = RingBuffer<long>.CreateSingleProducer(size, new BusySpinWaitStrategy());
        Assert.Equal(size + (2 * 16), small.Entries.Length);
        Assert.Equal(16, RingBuffer<long>.EntryPadding);
    }

    [Fact]
    public void Indexer_AcrossSeveralLaps_NeverTouchesThePaddingSlots()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(8, new BusySpinWaitStrategy());
        for (long sequence = -3; sequence < 8 * 5; sequence++)
        {
            ring[sequence] = sequence + 1_000;
        }

        var entries = ring.Entries;
        var padding = RingBuffer<long>.EntryPadding;
        for (var i = 0; i < padding; i++)
        {
            Assert.Equal(0, entries[i]);
            Assert.Equal(0, entries[entries.Length - 1 - i]);
        }

        for (long sequence = 32; sequence < 40; sequence++)
        {
            Assert.Equal(sequence + 1_000, ring[sequence]);
            Assert.True(Unsafe.AreSame(ref ring[sequence], ref entries[padding + (int)(sequence % 8)]));
        }
    }

    private sealed class OneLong
    {
        public long Value = 1;
    }

    private sealed class ThreeLongs
    {
        public long A = 1;
        public long B = 2;
        public long C = 3;
    }
}
