using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

public sealed class BatchEventProcessorTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public void Run_EventsPublishedBeforeStart_HandledAsOneBatchWithEndOfBatchOnTheLast()
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<TestEvent>.CreateSingleProducer(16, new YieldingWaitStrategy());
            var handler = new RecordingHandler(expected: 10);
            var processor = new BatchEventProcessor<TestEvent, RecordingHandler>(ring, ring.NewBarrier(), handler);
            ring.AddGatingSequences(processor.Sequence);
            for (var i = 0; i < 10; i++)
            {
                ring.PublishEvent(static (ref TestEvent e, long s, int _) => e.Value = s, 0);
            }

            var thread = StartThread(processor);
            Assert.True(handler.Done.Wait(Limit));
            processor.Halt();
            Assert.True(thread.Join(Limit));

            Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), handler.Sequences);
            Assert.Equal([9L], handler.EndsOfBatch);
            Assert.Equal(9, processor.Sequence.Value);
            Assert.False(processor.IsRunning);
            Assert.Null(processor.Fault);
        });
    }

    [Fact]
    public void Run_StructHandlerWithHooks_HooksAndOnEventActOnTheSameCopy()
    {
        Bounded.Run(() =>
        {
            const int Count = 5_000;
            var ring = RingBuffer<TestEvent>.CreateSingleProducer(64, new YieldingWaitStrategy());
            var stats = new HookStats();
            var processor = new BatchEventProcessor<TestEvent, HookAwareStructHandler>(ring, ring.NewBarrier(), new HookAwareStructHandler(stats, Count));
            ring.AddGatingSequences(processor.Sequence);
            var thread = StartThread(processor);
            for (var i = 0; i < Count; i++)
            {
                ring.PublishEvent(static (ref TestEvent e, long s, int _) => e.Value = s, 0);
            }

            Assert.True(stats.Done.Wait(Limit));
            processor.Halt();
            Assert.True(thread.Join(Limit));

            Assert.Equal(0, stats.BatchSizeMismatches);
            Assert.True(stats.ShutdownSawStart);
            Assert.Equal(Count, stats.EventsAtShutdown);
            Assert.True(stats.BatchesAtShutdown is >= 1 and <= Count);
            Assert.Equal(Count, processor.Handler.Events);
        });
    }

    [Fact]
    public void Run_HandlerThrows_RecordsTheFaultAndStopsAfterTheLastCompletedEvent()
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<TestEvent>.CreateSingleProducer(16, new YieldingWaitStrategy());
            var processor = new BatchEventProcessor<TestEvent, ThrowingHandler>(ring, ring.NewBarrier(), new ThrowingHandler(failAt: 5));
            ring.AddGatingSequences(processor.Sequence);
            ring.Publish(ring.Next(10));

            var thread = StartThread(processor);
            Assert.True(thread.Join(Limit));

            var fault = Assert.IsType<PipelineFaultException>(processor.Fault);
            Assert.Equal(5, fault.Sequence);
            Assert.Equal(nameof(ThrowingHandler), fault.HandlerName);
            Assert.IsType<InvalidOperationException>(fault.InnerException);
            Assert.Contains("sequence 5", fault.Message, StringComparison.Ordinal);
            Assert.Equal(4, processor.Sequence.Value);
            Assert.False(processor.IsRunning);
        });
    }

    [Fact]
    public void Halt_BeforeRun_RunReturnsAtOnceWithoutCallingHooks()
    {
        var ring = RingBuffer<TestEvent>.CreateSingleProducer(16, new BlockingWaitStrategy());
        var stats = new HookStats();
        var processor = new BatchEventProcessor<TestEvent, HookAwareStructHandler>(ring, ring.NewBarrier(), new HookAwareStructHandler(stats, 1));
        processor.Halt();
        processor.Run();
        Assert.False(processor.IsRunning);
        Assert.False(stats.ShutdownSawStart);
        Assert.Equal(-1, stats.EventsAtShutdown);
    }

    [Theory]
    [InlineData(WaitKind.Blocking)]
    [InlineData(WaitKind.Yielding)]
    public void Halt_WhileWaitingForEvents_WakesTheProcessorAndItExits(WaitKind waitKind)
    {
        Bounded.Run(() =>
        {
            var ring = RingBuffer<TestEvent>.CreateSingleProducer(16, waitKind.Create());
            var handler = new RecordingHandler(expected: 1);
            var processor = new BatchEventProcessor<TestEvent, RecordingHandler>(ring, ring.NewBarrier(), handler);
            var thread = StartThread(processor);
            SpinWait.SpinUntil(() => processor.IsRunning, Limit);
            Assert.Throws<InvalidOperationException>(processor.Run);
            processor.Halt();
            Assert.True(thread.Join(Limit));
            Assert.Empty(handler.Sequences);
        });
    }

    [Fact]
    public void Run_AfterWarmUp_HandlesEventsWithoutAllocatingOnTheConsumerThread()
    {
        Bounded.Run(() =>
        {
            const long Count = 300_000;
            var ring = RingBuffer<TestEvent>.CreateMultiProducer(1024, new YieldingWaitStrategy());
            var handler = new AllocationProbe(warmUpUntil: 100_000, last: Count - 1);
            var processor = new BatchEventProcessor<TestEvent, AllocationProbe>(ring, ring.NewBarrier(), handler);
            ring.AddGatingSequences(processor.Sequence);
            var thread = StartThread(processor);
            for (var i = 0; i < Count; i++)
            {
                var sequence = ring.Next();
                ring[sequence].Value = i;
                ring.Publish(sequence);
            }

            Assert.True(handler.Done.Wait(Limit));
            processor.Halt();
            Assert.True(thread.Join(Limit));
            Assert.Equal(0, handler.AllocatedWhileHandling);
        });
    }

    private static Thread StartThread(IEventProcessor processor)
    {
        var thread = new Thread(processor.Run) { IsBackground = true, Name = "processor under test" };
        thread.Start();
        return thread;
    }

    private sealed class RecordingHandler(int expected) : IEventHandler<TestEvent>
    {
        public List<long> Sequences { get; } = [];

        public List<long> EndsOfBatch { get; } = [];

        public ManualResetEventSlim Done { get; } = new();

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            Sequences.Add(sequence);
            if (endOfBatch)
            {
                EndsOfBatch.Add(sequence);
            }

            if (Sequences.Count == expected)
            {
                Done.Set();
            }
        }
    }

    private sealed class ThrowingHandler(long failAt) : IEventHandler<TestEvent>
    {
        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence == failAt)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    private sealed class HookStats
    {
        public ManualResetEventSlim Done { get; } = new();

        public int BatchSizeMismatches { get; set; }

        public bool ShutdownSawStart { get; set; }

        public long EventsAtShutdown { get; set; } = -1;

        public long BatchesAtShutdown { get; set; }
    }

    // Mutable struct state: if the hooks ran on a different copy than OnEvent, _batchSize would read 0 in OnEvent
    // and _started would read false in OnShutdown.
    private struct HookAwareStructHandler(HookStats stats, long expected) : IEventHandler<TestEvent>, IBatchStartAware, ILifecycleAware
    {
        private bool _started;
        private long _batchSize;
        private long _inBatch;
        private long _batches;

        public long Events { get; private set; }

        public void OnStart() => _started = true;

        public void OnBatchStart(long batchSize)
        {
            _batchSize = batchSize;
            _inBatch = 0;
            _batches++;
        }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            _inBatch++;
            Events++;
            if (endOfBatch && _inBatch != _batchSize)
            {
                stats.BatchSizeMismatches++;
            }

            if (Events == expected)
            {
                stats.Done.Set();
            }
        }

        public readonly void OnShutdown()
        {
            stats.ShutdownSawStart = _started;
            stats.EventsAtShutdown = Events;
            stats.BatchesAtShutdown = _batches;
        }
    }

    private sealed class AllocationProbe(long warmUpUntil, long last) : IEventHandler<TestEvent>
    {
        private long _before;

        public long AllocatedWhileHandling { get; private set; } = -1;

        public ManualResetEventSlim Done { get; } = new();

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence == warmUpUntil)
            {
                _before = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (sequence == last)
            {
                AllocatedWhileHandling = GC.GetAllocatedBytesForCurrentThread() - _before;
                Done.Set();
            }
        }
    }
}
