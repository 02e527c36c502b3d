using Centrex.Ledger.Journal;
using Centrex.Ledger.Verification;
using Centrex.Rating.Money;

namespace Centrex.Ledger.Tests;

/// <summary>
/// The writer thread (issue 13): one item's failure must not stop the ledger unless it left part of its work in the
/// journal; two items with one batch key in one group commit are a first append and a replay.
/// </summary>
public sealed class LedgerWriterThreadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task SameBatchKeyTwiceInOneGroupCommit_SecondFindsTheFirst_AndTheWriterKeepsServing()
    {
        using var store = LedgerStore.Open(_data.Path);
        using var thread = new LedgerWriterThread(store.Writer);
        using var queued = new ManualResetEventSlim();

        // The first item waits until the second is queued, so both run before the same commit.
        var first = thread.Submit(writer =>
        {
            var found = writer.FindBatch("k");
            Calls.Append(writer, "c1", "ACC-1", 57);
            writer.AppendBatch(Batch("k"));
            Assert.True(queued.Wait(Patience));
            return found;
        });
        var second = thread.Submit(writer => writer.FindBatch("k"));
        queued.Set();

        Assert.Null(await first.WaitAsync(Patience));
        Assert.Equal(Batch("k").Rows, (await second.WaitAsync(Patience))!.Rows);
        Assert.True(await thread.Submit(writer => Calls.Append(writer, "c2", "ACC-1", 10)).WaitAsync(Patience));
        Assert.Null(thread.Fault);
        Assert.Equal(new Mills(-67), store.Balance("ACC-1"));
        Assert.Equal(0, await thread.Submit(writer => writer.UncommittedBatchCount).WaitAsync(Patience));
    }

    [Fact]
    public async Task EachGroupCommit_IsTimedToTheObserver_BeforeItsItemsComplete()
    {
        using var store = LedgerStore.Open(_data.Path);
        var commits = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        using var thread = new LedgerWriterThread(store.Writer, commits.Enqueue);

        Assert.True(await thread.Submit(writer => Calls.Append(writer, "c1", "ACC-1", 57)).WaitAsync(Patience));
        var first = Assert.Single(commits);
        Assert.True(first > TimeSpan.Zero);
        Assert.True(await thread.Submit(writer => Calls.Append(writer, "c2", "ACC-1", 10)).WaitAsync(Patience));
        Assert.Equal(2, commits.Count);
    }

    [Fact]
    public async Task ItemThatThrowsBeforeWriting_FailsAlone_TheOthersInItsGroupCommit_AndLaterWorkIsServed()
    {
        using var store = LedgerStore.Open(_data.Path);
        using var thread = new LedgerWriterThread(store.Writer);
        using var queued = new ManualResetEventSlim();

        var before = thread.Submit(writer =>
        {
            var appended = Calls.Append(writer, "c1", "ACC-1", 57);
            Assert.True(queued.Wait(Patience));
            return appended;
        });
        var failing = thread.Submit<bool>(writer =>
        {
            Assert.True(writer.ContainsCdr("c1"u8)); // reading is not writing
            throw new FormatException("a record this item cannot decode");
        });
        var after = thread.Submit(writer => Calls.Append(writer, "c2", "ACC-1", 10));
        queued.Set();

        var failure = await Assert.ThrowsAsync<LedgerWorkFailedException>(() => failing.WaitAsync(Patience));
        Assert.IsType<FormatException>(failure.InnerException);
        Assert.True(await before.WaitAsync(Patience));
        Assert.True(await after.WaitAsync(Patience));
        Assert.True(await thread.Submit(writer => Calls.Append(writer, "c3", "ACC-1", 100)).WaitAsync(Patience));
        Assert.Null(thread.Fault);
        Assert.Equal(0, thread.NotCommitted);
        Assert.Equal(new Mills(-167), store.Balance("ACC-1"));
    }

    [Fact]
    public async Task ItemThatThrowsAfterWritingPartOfItsWork_FaultsTheWriter_AndNoneOfItIsCommitted()
    {
        using (var store = LedgerStore.Open(_data.Path))
        {
            using var thread = new LedgerWriterThread(store.Writer);
            Assert.True(await thread.Submit(writer => Calls.Append(writer, "committed", "ACC-1", 5)).WaitAsync(Patience));

            var half = thread.Submit<bool>(writer =>
            {
                Calls.Append(writer, "half-1", "ACC-1", 57);
                throw new FormatException("the second row is bad");
            });

            var fault = await Assert.ThrowsAsync<LedgerUnavailableException>(() => half.WaitAsync(Patience));
            Assert.Contains("part of its work", fault.Message, StringComparison.Ordinal);
            Assert.Same(fault, thread.Fault);
            Assert.Throws<LedgerUnavailableException>(() => { _ = thread.Submit(writer => Calls.Append(writer, "later", "ACC-1", 1)); });
            Assert.Equal(2, thread.NotCommitted);
        }

        // What the restart recovers: the committed call, not half of the failed item.
        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Equal(new Mills(-5), reopened.Balance("ACC-1"));
        Assert.False(reopened.Writer.ContainsCdr("half-1"u8));
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    private static AcceptedBatch Batch(string key) =>
        new(key, (UInt128)42, [new BatchRow(BatchOutcome.Rated, new Mills(57))]);
}
