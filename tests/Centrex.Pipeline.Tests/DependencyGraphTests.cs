using Centrex.Pipeline.Tests.Support;

namespace Centrex.Pipeline.Tests;

/// <summary>Stages wired as a graph: a stage reads a slot only after every stage it depends on has written its mark
/// into that slot. Small rings and many laps, so a stage that ran ahead would see the previous lap's mark.</summary>
public sealed class DependencyGraphTests
{
    private const long Count = 200_000;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void ThenStage_NeverSeesASlotBeforeTheStageBeforeItMarkedIt(ProducerType producerType)
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(64, producerType, new YieldingWaitStrategy());
            var stageB = new MarkChecker(requireA: true, requireA2: false);
            disruptor.HandleEventsWith(new MarkA(slowEvery: 97)).Then(stageB);
            Publish(disruptor.Start());

            Assert.True(disruptor.Shutdown(Drain));
            Assert.Equal(Count, stageB.Received);
            Assert.Equal(0, stageB.Violations);
        });
    }

    [Fact]
    public void Diamond_TwoParallelStagesThenOne_JoinSeesBothMarks()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
            var join = new MarkChecker(requireA: true, requireA2: true);
            disruptor.HandleEventsWith<IEventHandler<TestEvent>>(new MarkA(slowEvery: 89), new MarkA2(slowEvery: 101)).Then(join);
            Publish(disruptor.Start());

            Assert.True(disruptor.Shutdown(Drain));
            Assert.Equal(Count, join.Received);
            Assert.Equal(0, join.Violations);
        });
    }

    [Fact]
    public void Diamond_WiredWithAfterAndAnd_JoinSeesBothMarks()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(32, ProducerType.Multi, new BlockingWaitStrategy());
            var markA = new MarkA(slowEvery: 89);
            var markA2 = new MarkA2(slowEvery: 101);
            var groupA = disruptor.HandleEventsWith(markA);
            var groupA2 = disruptor.HandleEventsWith(markA2);
            var joinViaAfter = new MarkChecker(requireA: true, requireA2: true);
            var joinViaAnd = new MarkChecker(requireA: true, requireA2: true);
            disruptor.After(markA, markA2).Then(joinViaAfter);
            groupA.And(groupA2).Then(joinViaAnd);
            Publish(disruptor.Start());

            Assert.True(disruptor.Shutdown(Drain));
            foreach (var join in new[] { joinViaAfter, joinViaAnd })
            {
                Assert.Equal(Count, join.Received);
                Assert.Equal(0, join.Violations);
            }
        });
    }

    [Fact]
    public void ThreeStageChain_LastStageGatesTheProducer_NothingOverwrittenBeforeItIsDone()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(16, ProducerType.Multi, new YieldingWaitStrategy());
            var last = new MarkChecker(requireA: true, requireA2: false, requireB: true, slowEvery: 7);
            disruptor.HandleEventsWith(new MarkA(slowEvery: 0))
                .Then(new MarkB())
                .Then(last);
            Publish(disruptor.Start());

            Assert.True(disruptor.Shutdown(Drain));
            Assert.Equal(Count, last.Received);
            Assert.Equal(0, last.Violations);
        });
    }

    private static void Publish(RingBuffer<TestEvent> ring)
    {
        for (long i = 0; i < Count; i++)
        {
            var sequence = ring.Next();
            ref var slot = ref ring[sequence];
            slot.Value = sequence;
            ring.Publish(sequence);
        }
    }

    // Every stage also checks Value: if the producer overwrote a slot before the last stage was done, Value would
    // be a lap ahead.
    private sealed class MarkA(int slowEvery) : IEventHandler<TestEvent>
    {
        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (slowEvery > 0 && sequence % slowEvery == 0)
            {
                Thread.SpinWait(2_000);
            }

            data.MarkA = sequence + 1;
        }
    }

    private sealed class MarkA2(int slowEvery) : IEventHandler<TestEvent>
    {
        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence % slowEvery == 0)
            {
                Thread.SpinWait(2_000);
            }

            data.MarkA2 = sequence + 1;
        }
    }

    private sealed class MarkB : IEventHandler<TestEvent>
    {
        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch) =>
            data.MarkB = data.MarkA == sequence + 1 ? sequence + 1 : -1;
    }

    private sealed class MarkChecker(bool requireA, bool requireA2, bool requireB = false, int slowEvery = 0) : IEventHandler<TestEvent>
    {
        public long Received { get; private set; }

        public long Violations { get; private set; }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            var expected = sequence + 1;
            var ok = data.Value == sequence
                && (!requireA || data.MarkA == expected)
                && (!requireA2 || data.MarkA2 == expected)
                && (!requireB || data.MarkB == expected);
            if (!ok)
            {
                Violations++;
            }

            if (slowEvery > 0 && sequence % slowEvery == 0)
            {
                Thread.SpinWait(500);
            }

            Received++;
        }
    }
}
