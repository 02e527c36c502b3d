using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

public sealed class RingBufferClaimTests
{
    public static TheoryData<ProducerType> ProducerTypes => new() { ProducerType.Single, ProducerType.Multi };

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void Next_ClaimsConsecutiveSequencesFromZero(ProducerType producerType)
    {
        var ring = RingBuffer<long>.Create(producerType, 8, new BusySpinWaitStrategy());
        Assert.Equal(0, ring.Next());
        Assert.Equal(1, ring.Next());
        Assert.Equal(4, ring.Next(3));
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void NextAndTryNext_CountOutOfRange_ThrowWithTheLimitInTheMessage(ProducerType producerType)
    {
        var ring = RingBuffer<long>.Create(producerType, 8, new BusySpinWaitStrategy());
        foreach (var n in new[] { 0, -1, 9, int.MinValue })
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(n));
            Assert.Contains("1 to 8", exception.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(n, out _));
        }
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void TryNext_FullRing_ReturnsFalseAndClaimsNothing(ProducerType producerType)
    {
        var ring = RingBuffer<long>.Create(producerType, 8, new BusySpinWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);

        Assert.True(ring.TryNext(5, out var hi));
        Assert.Equal(4, hi);
        Assert.False(ring.TryNext(4, out _));
        Assert.True(ring.TryNext(3, out hi));
        Assert.Equal(7, hi);
        ring.Publish(0, 7);

        Assert.Equal(0, ring.RemainingCapacity());
        Assert.False(ring.HasAvailableCapacity(1));
        Assert.False(ring.TryNext(out _));
        Assert.Equal(7, ring.Cursor);

        consumer.SetValue(1);
        Assert.Equal(2, ring.RemainingCapacity());
        Assert.True(ring.HasAvailableCapacity(2));
        Assert.True(ring.TryNext(out var next));
        Assert.Equal(8, next);
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void Next_RingFull_WaitsUntilTheSlowestGatingSequenceFreesASlot(ProducerType producerType)
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<long>.Create(producerType, 8, new BusySpinWaitStrategy());
            var fast = new Sequence();
            var slow = new Sequence();
            ring.AddGatingSequences(fast, slow);
            for (var i = 0; i < 8; i++)
            {
                ring[ring.Next()] = i;
                ring.Publish(i);
            }

            fast.SetValue(7);
            long claimed = -1;
            using var claimedSignal = new ManualResetEventSlim();
            var producer = Workers.Start(1, _ =>
            {
                claimed = ring.Next();
                claimedSignal.Set();
            });

            // Deterministic in outcome: a correct ring never lets the claim through while the slow consumer holds
            // slot 0, however long we look; a broken one would overwrite it and set the signal.
            Assert.False(claimedSignal.Wait(TimeSpan.FromMilliseconds(200)));
            Assert.Equal(0, ring[0]);

            slow.SetValue(0);
            producer.Join(TimeSpan.FromSeconds(10));
            Assert.Equal(8, claimed);
            Assert.Equal(0, ring.GetMinimumGatingSequence());
        });
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void Next_RingFullAfterHalt_ThrowsPipelineHaltedInsteadOfWaitingForever(ProducerType producerType)
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<long>.Create(producerType, 4, new BusySpinWaitStrategy());
            ring.AddGatingSequences(new Sequence());
            ring.Publish(ring.Next(4) - 3, 3);
            var cause = new InvalidOperationException("handler broke");
            ring.Halt(cause);

            var exception = Assert.Throws<PipelineHaltedException>(() => ring.Next());
            Assert.Same(cause, exception.InnerException);
            Assert.False(ring.TryNext(out _));
        });
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void BatchClaims_AnyMixOfBatchSizes_ConsumerReadsEverySequenceOnceInOrder(ProducerType producerType)
    {
        // Single-threaded model of a producer and a consumer: batches of 1..16 claimed with Next(n), filled,
        // published with Publish(lo, hi), then read back through a barrier and released through the gating sequence.
        var batches = Gen.Choose(1, 16).ArrayOf().ToArbitrary();
        Prop.ForAll(batches, sizes =>
        {
            var ring = RingBuffer<long>.Create(producerType, 16, new BusySpinWaitStrategy());
            var consumer = new Sequence();
            ring.AddGatingSequences(consumer);
            var barrier = ring.NewBarrier();
            long expected = 0;
            foreach (var size in sizes)
            {
                var hi = ring.Next(size);
                var lo = hi - size + 1;
                if (lo != expected)
                {
                    return false;
                }

                for (var sequence = lo; sequence <= hi; sequence++)
                {
                    ring[sequence] = sequence * 10;
                }

                ring.Publish(lo, hi);
                var available = barrier.WaitFor(expected);
                if (available != hi)
                {
                    return false;
                }

                for (; expected <= available; expected++)
                {
                    if (ring[expected] != expected * 10)
                    {
                        return false;
                    }
                }

                consumer.SetValue(available);
            }

            return expected == sizes.Sum() && ring.RemainingCapacity() == 16;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GatingSequences_AddedLate_StartAtTheCursorAndCanBeRemoved()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(8, new BusySpinWaitStrategy());
        ring.Publish(ring.Next(5));
        var late = new Sequence();
        ring.AddGatingSequences(late);
        Assert.Equal(4, late.Value);
        Assert.Equal(4, ring.GetMinimumGatingSequence());
        Assert.Equal(8, ring.RemainingCapacity());

        Assert.True(ring.RemoveGatingSequence(late));
        Assert.False(ring.RemoveGatingSequence(late));
    }

    [Fact]
    public void MultiProducer_PublishRangeReversed_Throws()
    {
        var ring = RingBuffer<long>.CreateMultiProducer(8, new BusySpinWaitStrategy());
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Publish(3, 2));
    }

    [Fact]
    public void IsPublished_SingleProducer_TracksTheCursorWindow()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(4, new BusySpinWaitStrategy());
        Assert.False(ring.IsPublished(0));
        ring.Publish(ring.Next(4));
        Assert.True(ring.IsPublished(0));
        Assert.True(ring.IsPublished(3));
        Assert.False(ring.IsPublished(4));
    }
}
