namespace Centrex.Pipeline.Tests;

public sealed class MultiProducerSequencerTests
{
    [Fact]
    public void GetHighestPublishedSequence_OutOfOrderPublishes_ReturnsOnlyTheContiguousPrefix()
    {
        var sequencer = new MultiProducerSequencer(8, new BusySpinWaitStrategy());
        var first = sequencer.Next();
        var second = sequencer.Next();
        var third = sequencer.Next();
        Assert.Equal(2, sequencer.Cursor);

        sequencer.Publish(third);
        Assert.Equal(-1, sequencer.GetHighestPublishedSequence(0, 2));
        sequencer.Publish(first);
        Assert.Equal(0, sequencer.GetHighestPublishedSequence(0, 2));
        sequencer.Publish(second);
        Assert.Equal(2, sequencer.GetHighestPublishedSequence(0, 2));
        Assert.True(sequencer.IsAvailable(1));
        Assert.False(sequencer.IsAvailable(3));
    }

    [Fact]
    public void IsAvailable_PreviousLapsValueInTheSlot_IsNotMistakenForThisLap()
    {
        var sequencer = new MultiProducerSequencer(4, new BusySpinWaitStrategy());
        sequencer.Publish(sequencer.Next(4) - 3, 3);
        Assert.True(sequencer.IsAvailable(1));
        Assert.False(sequencer.IsAvailable(5)); // same slot as 1, next lap, not yet published
        Assert.True(sequencer.IsAvailable(0));
    }

    [Fact]
    public void IsAvailable_RoundNumberBeyondInt32_WrapsInsteadOfOverflowing()
    {
        // Sequence 2^31 * 8 + 5 on an 8-slot ring is in round 2^31, which does not fit an int: the round is
        // deliberately truncated (checked arithmetic would throw here, hours into a real run).
        var sequencer = new MultiProducerSequencer(8, new BusySpinWaitStrategy());
        var late = ((long)int.MaxValue + 1) * 8 + 5;
        Assert.False(sequencer.IsAvailable(late));
        sequencer.Publish(late);
        Assert.True(sequencer.IsAvailable(late));
        Assert.False(sequencer.IsAvailable(late - 8));
        Assert.False(sequencer.IsAvailable(late + 8));
    }

    [Fact]
    public void TryNext_ConcurrentProducers_NeverHandOutTheSameSequenceTwice()
    {
        var sequencer = new MultiProducerSequencer(1 << 16, new BusySpinWaitStrategy());
        var claimed = new long[4][];
        Support.Bounded.Run(() =>
        {
            var workers = Support.Workers.Start(4, index =>
            {
                var mine = new long[10_000];
                for (var i = 0; i < mine.Length; i++)
                {
                    Assert.True(sequencer.TryNext(out mine[i]));
                }

                claimed[index] = mine;
            });
            workers.Join(TimeSpan.FromSeconds(30));
        });

        var all = claimed.SelectMany(c => c).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 40_000).Select(i => (long)i), all);
    }
}
