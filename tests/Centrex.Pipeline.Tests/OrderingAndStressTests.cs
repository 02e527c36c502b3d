using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

/// <summary>Ordering, loss and duplication under load, for every wait strategy.</summary>
public sealed class OrderingAndStressTests
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    public static TheoryData<WaitKind> AllWaitKinds => new() { WaitKind.BusySpin, WaitKind.Yielding, WaitKind.Blocking, WaitKind.Sleeping };

    [Theory]
    [MemberData(nameof(AllWaitKinds))]
    public void SingleProducer_TwoMillionEvents_ConsumerSeesZeroToNMinusOneInOrder(WaitKind waitKind)
    {
        Bounded.Run(() =>
        {
            const long Count = 2_000_000;
            var disruptor = new Disruptor<TestEvent>(1024, ProducerType.Single, waitKind.Create());
            var checker = new InOrderChecker();
            disruptor.HandleEventsWith(checker);
            var ring = disruptor.Start();
            for (long i = 0; i < Count; i++)
            {
                var sequence = ring.Next();
                ring[sequence].Value = i;
                ring.Publish(sequence);
            }

            Assert.True(disruptor.Shutdown(Drain));
            Assert.Equal(Count, checker.Received);
            Assert.Equal(0, checker.Violations);
        });
    }

    [Theory]
    [MemberData(nameof(AllWaitKinds))]
    public void MultiProducer_FourThreadsUpToOneMillionEach_ConsumerSeesEachExactlyOnceInPerProducerOrder(WaitKind waitKind)
    {
        Bounded.Run(() =>
        {
            const int Producers = 4;

            // Busy-spin is only meant for fewer consumers than free cores; here 5 threads share 2 cores and every
            // hand-off can wait out a scheduler time slice, so it gets a quarter of the events to stay within bounds.
            var perProducer = waitKind == WaitKind.BusySpin ? 250_000 : 1_000_000;
            var disruptor = new Disruptor<TestEvent>(1024, ProducerType.Multi, waitKind.Create());
            var checker = new ExactlyOnceChecker(Producers, perProducer);
            disruptor.HandleEventsWith(checker);
            var ring = disruptor.Start();

            var producers = Workers.Start(Producers, producer =>
            {
                for (var i = 0; i < perProducer; i++)
                {
                    var sequence = ring.Next();
                    ref var slot = ref ring[sequence];
                    slot.Producer = producer;
                    slot.Value = i;
                    ring.Publish(sequence);
                }
            });
            producers.Join(Drain);

            Assert.True(disruptor.Shutdown(Drain));
            AssertExactlyOnce(checker, Producers * perProducer);
        });
    }

    [Theory]
    [InlineData(WaitKind.Yielding)]
    [InlineData(WaitKind.Blocking)]
    public void MultiProducer_BatchClaimsOfMixedSizes_ConsumerSeesEachExactlyOnceInPerProducerOrder(WaitKind waitKind)
    {
        Bounded.Run(() =>
        {
            const int Producers = 4;
            const int PerProducer = 500_000;
            var disruptor = new Disruptor<TestEvent>(256, ProducerType.Multi, waitKind.Create());
            var checker = new ExactlyOnceChecker(Producers, PerProducer);
            disruptor.HandleEventsWith(checker);
            var ring = disruptor.Start();

            var producers = Workers.Start(Producers, producer =>
            {
                var value = 0;
                var batch = 1 + producer;
                while (value < PerProducer)
                {
                    var n = Math.Min(batch, PerProducer - value);
                    var hi = ring.Next(n);
                    for (var sequence = hi - n + 1; sequence <= hi; sequence++)
                    {
                        ref var slot = ref ring[sequence];
                        slot.Producer = producer;
                        slot.Value = value++;
                    }

                    ring.Publish(hi - n + 1, hi);
                    batch = (batch % 13) + 1;
                }
            });
            producers.Join(Drain);

            Assert.True(disruptor.Shutdown(Drain));
            AssertExactlyOnce(checker, Producers * PerProducer);
        });
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void SmallRing_SlowConsumer_ProducerWaitsAndNeverOverwritesAnUnconsumedSlot(ProducerType producerType)
    {
        Bounded.Run(() =>
        {
            const long Count = 20_000;
            var disruptor = new Disruptor<TestEvent>(8, producerType, new YieldingWaitStrategy());
            var checker = new SlowLapChecker(disruptor.RingBuffer);
            disruptor.HandleEventsWith(checker);
            var ring = disruptor.Start();
            for (long i = 0; i < Count; i++)
            {
                var sequence = ring.Next();
                ring[sequence].Value = sequence;
                ring.Publish(sequence);
            }

            Assert.True(disruptor.Shutdown(Drain));
            Assert.Equal(Count, checker.Received);
            Assert.Equal(0, checker.Overwritten);
            Assert.Equal(0, checker.Lapped);
            Assert.True(checker.MaxLead <= 7, $"producer ran {checker.MaxLead} ahead of the event being handled");
        });
    }

    private static void AssertExactlyOnce(ExactlyOnceChecker checker, long total)
    {
        Assert.Equal(0, checker.OutOfRange);
        Assert.Equal(0, checker.Duplicates);
        Assert.Equal(0, checker.Missing);
        Assert.Equal(0, checker.OrderViolations);
        Assert.Equal(total, checker.Received);
    }

    private sealed class InOrderChecker : IEventHandler<TestEvent>
    {
        public long Received { get; private set; }

        public long Violations { get; private set; }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence != Received || data.Value != Received)
            {
                Violations++;
            }

            Received++;
        }
    }

    private sealed class SlowLapChecker(RingBuffer<TestEvent> ring) : IEventHandler<TestEvent>
    {
        public long Received { get; private set; }

        public long Overwritten { get; private set; }

        public long Lapped { get; private set; }

        public long MaxLead { get; private set; }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            // Slower than the producer, so the ring is full nearly all the time.
            Thread.SpinWait(100);
            if (data.Value != sequence)
            {
                Overwritten++;
            }

            if (sequence != Received)
            {
                Lapped++;
            }

            // This event is not released until the batch ends, so the producer may be at most 7 slots ahead of it.
            MaxLead = Math.Max(MaxLead, ring.Cursor - sequence);
            Received++;
        }
    }
}
