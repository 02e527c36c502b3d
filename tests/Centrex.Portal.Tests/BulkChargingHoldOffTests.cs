using Centrex.Portal.Data.CallLog;

namespace Centrex.Portal.Tests;

/// <summary>
/// The call-log indexer's hold-off during bulk charging (<see cref="BulkChargingHoldOff"/>), fed the journal positions
/// an ingestion in large batches produces at the indexer's half-second ticks: group commits of ~11 MB with quiet ticks
/// between them. The seventh session's rule (judge each tick alone) indexed at every quiet tick in the middle of the
/// ingestion; the indexer must hold off until the journal has been quiet for the settle time, and index then.
/// </summary>
public sealed class BulkChargingHoldOffTests
{
    private const long Bulk = 1L << 20;
    private const long Commit = 11_500_000; // 100,000 calls of ~115 journal bytes
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void ATickBetweenTwoBulkCommits_DoesNotIndex()
    {
        var hold = new BulkChargingHoldOff(Bulk, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        var journal = 0L;
        var now = TimeSpan.FromSeconds(100);
        Assert.True(hold.ShouldIndex(journal, now)); // before the ingestion: the backlog is indexed
        hold.Indexed(journal, now);

        // 20 ticks (10 s) of ingestion: a commit at every other tick, nothing committed at the ticks between.
        for (var tick = 1; tick <= 20; tick++)
        {
            now += Tick;
            journal += tick % 2 == 1 ? Commit : 0;
            Assert.False(hold.ShouldIndex(journal, now), $"indexed at tick {tick} of the ingestion");
        }
    }

    [Fact]
    public void OnceTheIngestionPauses_ItIndexesAfterTheSettleTime()
    {
        var settle = TimeSpan.FromSeconds(2);
        var hold = new BulkChargingHoldOff(Bulk, settle, TimeSpan.FromSeconds(30));
        var journal = 0L;
        var now = TimeSpan.Zero;
        hold.ShouldIndex(journal, now);
        hold.Indexed(journal, now);
        now += Tick;
        journal += Commit;
        Assert.False(hold.ShouldIndex(journal, now));
        var lastCommit = now;

        // Quiet from here on: held off for less than the settle time, indexed at the first tick at or after it.
        while (true)
        {
            now += Tick;
            if (hold.ShouldIndex(journal, now))
            {
                break;
            }

            Assert.True(now - lastCommit < settle, $"still held off {now - lastCommit} after the last commit");
        }

        Assert.Equal(settle, now - lastCommit);
    }

    [Fact]
    public void ContinuousBulkCharging_IsIndexedEveryMaxDefer()
    {
        var maxDefer = TimeSpan.FromSeconds(30);
        var hold = new BulkChargingHoldOff(Bulk, TimeSpan.FromSeconds(2), maxDefer);
        var journal = 0L;
        var now = TimeSpan.Zero;
        hold.ShouldIndex(journal, now);
        hold.Indexed(journal, now);
        var passes = new List<TimeSpan>();
        for (var tick = 1; tick <= 130; tick++) // 65 s of commits at every tick
        {
            now += Tick;
            journal += Commit;
            if (hold.ShouldIndex(journal, now))
            {
                passes.Add(now);
                hold.Indexed(journal, now);
            }
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], passes);
    }

    [Fact]
    public void ASwitchsOwnTraffic_IsIndexedAtEveryTick()
    {
        var hold = new BulkChargingHoldOff(Bulk, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        var journal = 0L;
        var now = TimeSpan.Zero;
        hold.ShouldIndex(journal, now);
        hold.Indexed(journal, now);
        for (var tick = 1; tick <= 10; tick++)
        {
            now += Tick;
            journal += 2_000 * 115 / 2; // 2,000 charged calls a second
            Assert.True(hold.ShouldIndex(journal, now), $"held off at tick {tick}");
            hold.Indexed(journal, now);
        }
    }
}
