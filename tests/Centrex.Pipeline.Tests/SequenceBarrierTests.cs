using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

public sealed class SequenceBarrierTests
{
    [Theory]
    [InlineData(WaitKind.BusySpin)]
    [InlineData(WaitKind.Yielding)]
    [InlineData(WaitKind.Blocking)]
    [InlineData(WaitKind.Sleeping)]
    public void WaitFor_NothingPublishedThenAlerted_ThrowsAlertException(WaitKind waitKind)
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<long>.CreateSingleProducer(8, waitKind.Create());
            var barrier = ring.NewBarrier();
            using var waiting = new ManualResetEventSlim();
            Exception? thrown = null;
            var consumer = Workers.Start(1, _ =>
            {
                waiting.Set();
                try
                {
                    barrier.WaitFor(0);
                }
                catch (AlertException exception)
                {
                    thrown = exception;
                }
            });

            waiting.Wait();
            Thread.Sleep(50); // let it reach the wait (park, for the blocking strategy); the outcome does not depend on it
            barrier.Alert();
            consumer.Join(TimeSpan.FromSeconds(10));
            Assert.IsType<AlertException>(thrown);
            Assert.True(barrier.IsAlerted);

            barrier.ClearAlert();
            Assert.False(barrier.IsAlerted);
            ring.Publish(ring.Next());
            Assert.Equal(0, barrier.WaitFor(0));
        });
    }

    [Theory]
    [InlineData(WaitKind.BusySpin)]
    [InlineData(WaitKind.Yielding)]
    [InlineData(WaitKind.Blocking)]
    [InlineData(WaitKind.Sleeping)]
    public void WaitFor_ConsumerWaitingBeforePublish_WakesWithTheWholePublishedBatch(WaitKind waitKind)
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<long>.CreateSingleProducer(8, waitKind.Create());
            var barrier = ring.NewBarrier();
            long available = -1;
            var consumer = Workers.Start(1, _ => available = barrier.WaitFor(0));
            Thread.Sleep(50);
            var hi = ring.Next(3);
            ring.Publish(hi - 2, hi);
            consumer.Join(TimeSpan.FromSeconds(10));
            Assert.Equal(2, available);
        });
    }

    [Fact]
    public void WaitFor_DownstreamBarrier_ReturnsTheSlowestUpstreamSequenceNotTheCursor()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(16, new BusySpinWaitStrategy());
        var upstreamA = new Sequence();
        var upstreamB = new Sequence();
        var barrier = ring.NewBarrier(upstreamA, upstreamB);
        Assert.Equal(2, barrier.Dependents.DependencyCount);
        ring.Publish(ring.Next(10));
        upstreamA.SetValue(7);
        upstreamB.SetValue(4);
        Assert.Equal(4, barrier.WaitFor(3));
        Assert.Equal(9, barrier.Cursor);
    }

    [Fact]
    public void WaitFor_MultiProducerWithAGap_ReturnsTheHighestContiguouslyPublishedSequence()
    {
        var ring = RingBuffer<long>.CreateMultiProducer(16, new BusySpinWaitStrategy());
        var barrier = ring.NewBarrier();
        var hi = ring.Next(5);
        ring.Publish(0, 1);
        ring.Publish(3, hi);
        Assert.Equal(1, barrier.WaitFor(0));

        // The slot is claimed (the cursor passed it) but unpublished: the barrier reports what is readable, which
        // is below what was asked for, and the caller asks again.
        Assert.Equal(1, barrier.WaitFor(2));
        ring.Publish(2);
        Assert.Equal(4, barrier.WaitFor(2));
    }

    [Fact]
    public void WaitFor_AlreadyAlerted_ThrowsEvenWhenDataIsAvailable()
    {
        var ring = RingBuffer<long>.CreateSingleProducer(8, new YieldingWaitStrategy());
        var barrier = ring.NewBarrier();
        ring.Publish(ring.Next());
        barrier.Alert();
        Assert.Throws<AlertException>(() => barrier.WaitFor(0));
    }

    [Fact]
    public void BlockingStrategy_ManyPublishesWithAParkedConsumer_NeverLosesAWakeUp()
    {
        // 20,000 hand-offs where the consumer parks every time: a lost wake-up would strand it and time out.
        Bounded.Run(() =>
        {
            var ring = RingBuffer<long>.CreateSingleProducer(8, new BlockingWaitStrategy());
            var barrier = ring.NewBarrier();
            var consumed = new Sequence();
            ring.AddGatingSequences(consumed);
            const int Count = 20_000;
            var consumer = Workers.Start(1, _ =>
            {
                long next = 0;
                while (next < Count)
                {
                    var available = barrier.WaitFor(next);
                    consumed.SetValue(available);
                    next = available + 1;
                }
            });

            for (var i = 0; i < Count; i++)
            {
                var sequence = ring.Next();
                ring.Publish(sequence);

                // Wait for the consumer to catch up so it parks again before the next publish.
                var spinner = default(SpinWait);
                while (consumed.Value < sequence)
                {
                    spinner.SpinOnce();
                }
            }

            consumer.Join(TimeSpan.FromSeconds(30));
            Assert.Equal(Count - 1, consumed.Value);
        });
    }
}
