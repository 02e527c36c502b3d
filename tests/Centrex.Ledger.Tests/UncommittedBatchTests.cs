using Centrex.Ledger.Journal;
using Centrex.Ledger.Verification;
using Centrex.Rating.Money;

namespace Centrex.Ledger.Tests;

/// <summary>
/// A batch record between its append and its commit (issue 13): a retry in the same group commit must find it, and
/// once the commit is applied the writer must let go of its copy.
/// </summary>
public sealed class UncommittedBatchTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void FindBatch_BeforeAndAfterItsCommit_ReturnsTheBatch_AndTheCopyIsReleased()
    {
        using var store = LedgerStore.Open(_data.Path);
        var batch = Batch("retry-me");
        Calls.Append(store.Writer, "c1", "ACC-1", 57);
        store.Writer.AppendBatch(batch);

        var beforeCommit = store.Writer.FindBatch("retry-me");
        store.Writer.Commit();
        var afterCommit = store.Writer.FindBatch("retry-me");

        Assert.NotNull(beforeCommit);
        Assert.Equal(batch.BodyHash, beforeCommit.BodyHash);
        Assert.Equal(batch.Rows, beforeCommit.Rows);
        Assert.NotNull(afterCommit);
        Assert.Equal(batch.BodyHash, afterCommit.BodyHash);
        Assert.Equal(batch.Rows, afterCommit.Rows);
        Assert.Equal(0, store.Writer.UncommittedBatchCount);
        Assert.True(JournalVerifier.Verify(store).IsConsistent);
    }

    [Fact]
    public void FindBatch_WhileItsCommitIsInFlight_ReturnsTheBatch()
    {
        using var store = LedgerStore.Open(_data.Path);
        store.Writer.AppendBatch(Batch("pipelined"));
        store.Writer.RequestCommit();

        Assert.NotNull(store.Writer.FindBatch("pipelined"));
        store.Writer.Commit();
        Assert.Equal(0, store.Writer.UncommittedBatchCount);
    }

    [Fact]
    public void TheLargestBatchRecordAllowed_WithTheLongestKey_FitsInAJournalEntry_AndCommits()
    {
        // serve caps --max-batch-rows at BatchCodec.MaxRows: a batch record is one journal entry, and one larger than a
        // journal page made the append fail and stopped the ledger (issue 13 review: 450,000 rows).
        using var store = LedgerStore.Open(_data.Path);
        var key = new string('k', BatchCodec.MaxKeyBytes);
        var rows = Enumerable.Repeat(new BatchRow(BatchOutcome.NoRate, Mills.Zero), BatchCodec.MaxRows).ToList();

        store.Writer.AppendBatch(new AcceptedBatch(key, UInt128.One, rows));
        store.Writer.Commit();

        Assert.Equal(BatchCodec.MaxRows, store.Writer.FindBatch(key)!.Rows.Count);
        Assert.True(JournalVerifier.Verify(store).IsConsistent);
    }

    [Fact]
    public void ManyCommittedBatches_LeaveNoCopyInMemory()
    {
        using var store = LedgerStore.Open(_data.Path);
        for (var group = 0; group < 20; group++)
        {
            for (var i = 0; i < 10; i++)
            {
                store.Writer.AppendBatch(Batch($"b-{group}-{i}"));
            }

            Assert.Equal(10, store.Writer.UncommittedBatchCount);
            store.Writer.Commit();
            Assert.Equal(0, store.Writer.UncommittedBatchCount);
        }

        Assert.Equal(Batch("b-7-3").Rows, store.Writer.FindBatch("b-7-3")!.Rows);
    }

    private static AcceptedBatch Batch(string key) =>
        new(key, (UInt128)12345, [new BatchRow(BatchOutcome.Rated, new Mills(57)), new BatchRow(BatchOutcome.NoRate, Mills.Zero)]);
}
