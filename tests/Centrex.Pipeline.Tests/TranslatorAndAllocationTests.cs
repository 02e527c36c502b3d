using System.Globalization;
using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

public sealed class TranslatorAndAllocationTests
{
    [Fact]
    public void PublishEvent_StaticLambda_FillsTheSlotAndPublishesIt()
    {
        var ring = RingBuffer<TestEvent>.CreateSingleProducer(8, new YieldingWaitStrategy());
        var sequence = ring.PublishEvent(static (ref TestEvent e, long s, int producer) =>
        {
            e.Value = s * 2;
            e.Producer = producer;
        }, 7);

        Assert.Equal(0, sequence);
        Assert.Equal(0, ring.Cursor);
        Assert.Equal(7, ring[0].Producer);
        Assert.True(ring.TryPublishEvent(static (ref TestEvent e, long s, int producer) => e.Value = s * 2, 1));
        Assert.Equal(2, ring[1].Value);
    }

    [Fact]
    public void PublishEvent_SpanArgument_ParsesRawBytesStraightIntoTheSlot()
    {
        var ring = RingBuffer<TestEvent>.CreateSingleProducer(8, new YieldingWaitStrategy());
        var sequence = ring.PublishEvent(
            static (ref TestEvent e, long _, ReadOnlySpan<byte> raw) => e.Value = long.Parse(raw, CultureInfo.InvariantCulture),
            "4711"u8);
        Assert.Equal(4711, ring[sequence].Value);
        Assert.Equal(1, ring.PublishEvent(default(LengthTranslator), "abc"u8));
        Assert.Equal(3, ring[1].Value);
    }

    [Fact]
    public void PublishEvent_StructTranslator_FillsTheSlotAndPublishesIt()
    {
        var ring = RingBuffer<TestEvent>.CreateMultiProducer(8, new YieldingWaitStrategy());
        var sequence = ring.PublishEvent(default(ValueTranslator), 41L);
        Assert.Equal(0, sequence);
        Assert.True(ring.IsPublished(0));
        Assert.Equal(41, ring[0].Value);
    }

    [Fact]
    public void PublishEvent_TranslatorThrows_SlotIsStillPublishedSoConsumersDoNotStall()
    {
        var ring = RingBuffer<TestEvent>.CreateMultiProducer(8, new YieldingWaitStrategy());
        Assert.Throws<FormatException>(() => ring.PublishEvent(static (ref TestEvent _, long _, int _) => throw new FormatException(), 0));
        Assert.True(ring.IsPublished(0));
    }

    [Fact]
    public void PublishEvents_Span_ClaimsAndPublishesOneBatch()
    {
        var ring = RingBuffer<TestEvent>.CreateMultiProducer(8, new YieldingWaitStrategy());
        ReadOnlySpan<long> values = [10, 20, 30];
        var hi = ring.PublishEvents(static (ref TestEvent e, long _, long value) => e.Value = value, values);
        Assert.Equal(2, hi);
        Assert.Equal([10L, 20L, 30L], new[] { ring[0].Value, ring[1].Value, ring[2].Value });
        Assert.Equal(2, ring.PublishEvents(static (ref TestEvent _, long _, long _) => { }, ReadOnlySpan<long>.Empty));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Publish_AfterWarmUp_AllocatesNothingOnTheProducerThread(ProducerType producerType)
    {
        var ring = RingBuffer<TestEvent>.Create(producerType, 1024, new BlockingWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);

        // Warm up: JIT, type loading, tiering. The consumer is this thread, releasing slots as it goes.
        PublishAndConsume(ring, consumer, 50_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        PublishAndConsume(ring, consumer, 200_000);
        var after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
    }

    private static void PublishAndConsume(RingBuffer<TestEvent> ring, Sequence consumer, int count)
    {
        for (var i = 0; i < count; i++)
        {
            switch (i % 4)
            {
                case 0:
                    var sequence = ring.Next();
                    ring[sequence].Value = i;
                    ring.Publish(sequence);
                    break;
                case 1:
                    ring.PublishEvent(static (ref TestEvent e, long _, int value) => e.Value = value, i);
                    break;
                case 2:
                    ring.PublishEvent(default(ValueTranslator), (long)i);
                    break;
                default:
                    var hi = ring.Next(1);
                    ring[hi].Value = i;
                    ring.Publish(hi, hi);
                    break;
            }

            consumer.SetValue(ring.Cursor);
        }
    }

    private readonly struct LengthTranslator : IEventTranslator<TestEvent, ReadOnlySpan<byte>>
    {
        public void Translate(ref TestEvent entry, long sequence, ReadOnlySpan<byte> arg) => entry.Value = arg.Length;
    }

    private readonly struct ValueTranslator : IEventTranslator<TestEvent, long>
    {
        public void Translate(ref TestEvent entry, long sequence, long arg) => entry.Value = arg;
    }
}
