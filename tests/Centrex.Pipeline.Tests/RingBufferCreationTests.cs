using System.Numerics;

namespace Centrex.Pipeline.Tests;

public sealed class RingBufferCreationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(-8)]
    [InlineData(6)]
    [InlineData(1000)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Create_SizeNotAPositivePowerOfTwo_ThrowsArgumentExceptionNamingTheSize(int size)
    {
        foreach (var producerType in new[] { ProducerType.Single, ProducerType.Multi })
        {
            var exception = Assert.Throws<ArgumentException>(() => RingBuffer<long>.Create(producerType, size, new YieldingWaitStrategy()));
            Assert.Equal("bufferSize", exception.ParamName);
            Assert.Contains("power of two", exception.Message, StringComparison.Ordinal);
            Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_AnySize_SucceedsExactlyForPowersOfTwo()
    {
        var sizes = Gen.OneOf(Gen.Choose(-5_000, 5_000), Gen.Choose(0, 16).Select(bits => 1 << bits)).ToArbitrary();
        Prop.ForAll(sizes, size =>
        {
            var expectedValid = size > 0 && BitOperations.IsPow2(size);
            try
            {
                var ring = RingBuffer<long>.CreateMultiProducer(size, new BusySpinWaitStrategy());
                return expectedValid && ring.BufferSize == size && ring.RemainingCapacity() == size;
            }
            catch (ArgumentException)
            {
                return !expectedValid;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Create_WithFactory_CallsItOncePerSlotAndNeverAgain()
    {
        var calls = 0;
        var ring = RingBuffer<BufferEntry>.CreateSingleProducer(16, new BusySpinWaitStrategy(), () =>
        {
            calls++;
            return new BufferEntry { Bytes = new byte[32] };
        });
        Assert.Equal(16, calls);

        var seen = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        for (long sequence = 0; sequence < 16; sequence++)
        {
            var bytes = ring[sequence].Bytes;
            Assert.NotNull(bytes);
            Assert.True(seen.Add(bytes));
        }

        // A slot one lap later is the same slot with the same pre-allocated buffer.
        Assert.Same(ring[3].Bytes, ring[3 + 16].Bytes);
        Assert.Equal(16, calls);
    }

    [Fact]
    public void Create_ReportsItsShape()
    {
        var single = RingBuffer<long>.CreateSingleProducer(32, new YieldingWaitStrategy());
        var multi = RingBuffer<long>.CreateMultiProducer(32, new YieldingWaitStrategy());
        Assert.Equal(ProducerType.Single, single.ProducerType);
        Assert.IsType<SingleProducerSequencer>(single.Sequencer);
        Assert.Equal(ProducerType.Multi, multi.ProducerType);
        Assert.IsType<MultiProducerSequencer>(multi.Sequencer);
        Assert.Equal(Sequence.InitialValue, single.Cursor);
        Assert.Equal(Sequence.InitialValue, multi.Cursor);
        Assert.Equal(32, single.BufferSize);
    }

    private struct BufferEntry
    {
        public byte[] Bytes;
    }
}
