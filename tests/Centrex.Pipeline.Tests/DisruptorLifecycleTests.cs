using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

/// <summary>Start, drain, halt and faults.</summary>
public sealed class DisruptorLifecycleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Shutdown_EventsPublishedJustBefore_AreAllHandledByEveryStageBeforeItReturns(ProducerType producerType)
    {
        Bounded.Run(() =>
        {
            const int Count = 20_000;
            var disruptor = new Disruptor<TestEvent>(1024, producerType, new BlockingWaitStrategy());
            var first = new CountingHandler(spinPerEvent: 200);
            var second = new CountingHandler(spinPerEvent: 50);
            disruptor.HandleEventsWith(first).Then(second);
            var ring = disruptor.Start();
            for (var i = 0; i < Count; i++)
            {
                ring.PublishEvent(static (ref TestEvent e, long s, int _) => e.Value = s, 0);
            }

            // The slow first stage is still far behind here; Shutdown must wait for both stages to catch up.
            Assert.True(disruptor.Shutdown(Limit));
            Assert.Equal(Count, first.Received);
            Assert.Equal(Count, second.Received);
            Assert.True(first.ShutdownCalled && second.ShutdownCalled);
            Assert.Empty(disruptor.Faults);
        });
    }

    [Fact]
    public void Shutdown_HandlerStuckPastTheTimeout_ReturnsFalseAndLeavesThePipelineRunning()
    {
        Bounded.Run(() =>
        {
            using var gate = new ManualResetEventSlim();
            var disruptor = new Disruptor<TestEvent>(16, ProducerType.Single, new YieldingWaitStrategy());
            var handler = new GatedHandler(gate);
            var group = disruptor.HandleEventsWith(handler);
            var ring = disruptor.Start();
            ring.Publish(ring.Next(3));

            Assert.False(disruptor.Shutdown(TimeSpan.FromMilliseconds(100)));
            Assert.True(group.Processors[0].IsRunning);

            gate.Set();
            Assert.True(disruptor.Shutdown(Limit));
            Assert.Equal(3, handler.Received);
            Assert.False(group.Processors[0].IsRunning);
        });
    }

    [Fact]
    public void Shutdown_CalledAgain_ReturnsTrueAtOnce()
    {
        var disruptor = new Disruptor<TestEvent>(16, ProducerType.Single, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new CountingHandler(0));
        disruptor.Start();
        Assert.True(disruptor.Shutdown(Limit));
        Assert.True(disruptor.Shutdown(TimeSpan.Zero));
    }

    [Fact]
    public void Shutdown_NoConsumers_ReturnsTrue()
    {
        var disruptor = new Disruptor<TestEvent>(16, ProducerType.Multi, new BlockingWaitStrategy());
        var ring = disruptor.Start();
        ring.Publish(ring.Next());
        Assert.True(disruptor.Shutdown(Limit));
    }

    [Fact]
    public void Shutdown_HandlerThrows_HaltsEveryStageReleasesProducersAndThrowsTheFault()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(64, ProducerType.Multi, new YieldingWaitStrategy());
            var downstream = new CountingHandler(0);
            var failing = disruptor.HandleEventsWith(new FailingHandler(failAt: 100));
            failing.Then(downstream);
            var ring = disruptor.Start();

            // 1,000 events cannot fit: the producer ends up waiting for capacity that the halted consumers will never
            // free, and must be released with an exception rather than hang.
            var producer = Workers.Start(1, _ =>
            {
                for (var i = 0; i < 1_000; i++)
                {
                    ring.Publish(ring.Next());
                }
            });
            var producerFailure = Assert.Throws<PipelineHaltedException>(() => producer.Join(Limit));
            var fault = Assert.IsType<PipelineFaultException>(producerFailure.InnerException);

            var thrown = Assert.Throws<PipelineFaultException>(() => disruptor.Shutdown(Limit));
            Assert.Same(fault, thrown);
            Assert.Equal(100, thrown.Sequence);
            Assert.Equal(nameof(FailingHandler), thrown.HandlerName);
            Assert.IsType<FormatException>(thrown.InnerException);
            Assert.Equal([fault], disruptor.Faults);
            Assert.Equal(99, failing.Processors[0].Sequence.Value);
            Assert.True(downstream.Received <= 100);
            Assert.True(downstream.ShutdownCalled);
        });
    }

    [Fact]
    public void Halt_ProducerWaitingForCapacity_IsReleasedWithPipelineHaltedException()
    {
        Bounded.Run(() =>
        {
            using var gate = new ManualResetEventSlim();
            var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new BlockingWaitStrategy());
            var handler = new GatedHandler(gate);
            disruptor.HandleEventsWith(handler);
            var ring = disruptor.Start();
            var producer = Workers.Start(1, _ =>
            {
                for (var i = 0; i < 20; i++)
                {
                    ring.Publish(ring.Next());
                }
            });
            Assert.True(SpinWait.SpinUntil(() => ring.RemainingCapacity() == 0, Limit));

            // Halt waits for the processor thread, which is stuck in the gated handler: halt from another thread,
            // check the producer was released, then open the gate.
            var halting = Workers.Start(1, _ => disruptor.Halt());
            var failure = Assert.Throws<PipelineHaltedException>(() => producer.Join(Limit));
            Assert.Null(failure.InnerException);
            gate.Set();
            halting.Join(Limit);

            // The processor stops at the end of the batch it had started, never after it.
            Assert.True(handler.Received <= 8);
        });
    }

    [Fact]
    public void Start_RunsEachHandlerOnItsOwnNamedThreadWithLifecycleHooks()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(16, ProducerType.Single, new YieldingWaitStrategy());
            var a = new CountingHandler(0);
            var b = new CountingHandler(0);
            disruptor.HandleEventsWith(a, b);
            disruptor.Start();
            disruptor.PublishEvent(static (ref TestEvent e, long s, int _) => e.Value = s, 0);
            Assert.True(disruptor.Shutdown(Limit));

            Assert.Equal("pipeline:CountingHandler", a.StartThreadName);
            Assert.NotEqual(a.StartThreadId, b.StartThreadId);
            Assert.NotEqual(Environment.CurrentManagedThreadId, a.StartThreadId);
            Assert.Equal(a.StartThreadId, a.ShutdownThreadId);
            Assert.Equal(1, a.Received);
            Assert.Equal(1, b.Received);
        });
    }

    [Fact]
    public void Misuse_IsReportedWithClearExceptions()
    {
        Assert.Throws<ArgumentException>(() => new Disruptor<TestEvent>(12, ProducerType.Single, new YieldingWaitStrategy()));

        var disruptor = new Disruptor<TestEvent>(16, ProducerType.Single, new YieldingWaitStrategy());
        Assert.Throws<InvalidOperationException>(() => disruptor.Shutdown(Limit));
        Assert.Throws<ArgumentException>(() => disruptor.HandleEventsWith(Array.Empty<CountingHandler>()));
        Assert.Throws<ArgumentException>(() => disruptor.After(new CountingHandler(0)));

        var wired = new CountingHandler(0);
        disruptor.HandleEventsWith(wired);
        Assert.Same(disruptor.After(wired).Processors[0], disruptor.After(wired).Processors[0]);
        disruptor.Start();
        Assert.Throws<InvalidOperationException>(() => disruptor.Start());
        Assert.Throws<InvalidOperationException>(() => disruptor.HandleEventsWith(new CountingHandler(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => disruptor.Shutdown(TimeSpan.FromSeconds(-2)));
        Assert.True(disruptor.Shutdown(Limit));
    }

    private sealed class CountingHandler(int spinPerEvent) : IEventHandler<TestEvent>, ILifecycleAware
    {
        public long Received { get; private set; }

        public bool ShutdownCalled { get; private set; }

        public string? StartThreadName { get; private set; }

        public int StartThreadId { get; private set; }

        public int ShutdownThreadId { get; private set; }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (spinPerEvent > 0)
            {
                Thread.SpinWait(spinPerEvent);
            }

            Received++;
        }

        public void OnStart()
        {
            StartThreadName = Thread.CurrentThread.Name;
            StartThreadId = Environment.CurrentManagedThreadId;
        }

        public void OnShutdown()
        {
            ShutdownCalled = true;
            ShutdownThreadId = Environment.CurrentManagedThreadId;
        }
    }

    private sealed class GatedHandler(ManualResetEventSlim gate) : IEventHandler<TestEvent>
    {
        public long Received { get; private set; }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            gate.Wait();
            Received++;
        }
    }

    private sealed class FailingHandler(long failAt) : IEventHandler<TestEvent>
    {
        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence == failAt)
            {
                throw new FormatException("bad record");
            }
        }
    }
}
