using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Ledger.Verification;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Ledger.Tests;

public sealed class LedgerStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Commit_AppliesChargesToBalancesAndCounters()
    {
        using var store = LedgerStore.Open(_data.Path);
        Assert.True(Calls.Append(store.Writer, "c1", "ACC-1", 57, billed: 60));
        Assert.True(Calls.Append(store.Writer, "c2", "ACC-1", 100, billed: 30, numberClass: NumberClass.International, discountMills: 10));
        Assert.True(Calls.Append(store.Writer, "c3", "ACC-2", 5));

        // Nothing is visible before the commit: the state never runs ahead of the durable journal.
        Assert.Equal(Mills.Zero, store.Balance("ACC-1"));
        store.Writer.Commit();

        Assert.Equal(new Mills(-147), store.Balance("ACC-1"));
        Assert.Equal(new Mills(-5), store.Balance("ACC-2"));
        Assert.Equal(2, store.Counter("ACC-1", CounterKind.Calls, 202610));
        Assert.Equal(90, store.Counter("ACC-1", CounterKind.BilledSeconds, 202610));
        Assert.Equal(60, store.Counter("ACC-1", CounterKind.DomesticBilledSeconds, 202610));
        Assert.Equal(147, store.Counter("ACC-1", CounterKind.NetChargeMills, 202610));
        Assert.Equal(10, store.Counter("ACC-1", CounterKind.DiscountMills, 202610));
        Assert.Equal(0, store.Counter("ACC-1", CounterKind.Calls, 202611));
    }

    [Fact]
    public void TryAppend_SameIdTwice_ChargesOnce()
    {
        using var store = LedgerStore.Open(_data.Path);
        Assert.True(Calls.Append(store.Writer, "dup", "ACC-1", 100));
        Assert.False(Calls.Append(store.Writer, "dup", "ACC-1", 100)); // same batch
        store.Writer.Commit();
        Assert.False(Calls.Append(store.Writer, "dup", "ACC-1", 100)); // a later batch
        store.Writer.Commit();
        Assert.Equal(new Mills(-100), store.Balance("ACC-1"));
        Assert.True(store.Writer.ContainsCdr("dup"u8));
        Assert.False(store.Writer.ContainsCdr("other"u8));
    }

    [Fact]
    public void Reopen_WithoutCheckpoint_ReplaysTheCommittedJournalAndForgetsTheRest()
    {
        using (var store = LedgerStore.Open(_data.Path))
        {
            Calls.Append(store.Writer, "a", "ACC-1", 10);
            Calls.Append(store.Writer, "b", "ACC-1", 20);
            store.Writer.Commit();
            Calls.Append(store.Writer, "c", "ACC-1", 40); // never committed: as if the process died here
        }

        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Equal(new Mills(-30), reopened.Balance("ACC-1"));
        Assert.False(reopened.Writer.ContainsCdr("c"u8));
        Assert.True(reopened.Writer.ContainsCdr("b"u8));
        Assert.True(Calls.Append(reopened.Writer, "c", "ACC-1", 40)); // it can be submitted again
        Assert.False(Calls.Append(reopened.Writer, "a", "ACC-1", 10));
        reopened.Writer.Commit();
        Assert.Equal(new Mills(-70), reopened.Balance("ACC-1"));
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Reopen_AfterCheckpoint_ReplaysOnlyTheTail()
    {
        using (var store = LedgerStore.Open(_data.Path))
        {
            for (var i = 0; i < 100; i++)
            {
                Calls.Append(store.Writer, $"early-{i}", "ACC-1", 1);
            }

            store.Writer.Commit();
            store.Writer.Checkpoint();
            for (var i = 0; i < 7; i++)
            {
                Calls.Append(store.Writer, $"late-{i}", "ACC-1", 1000);
            }

            store.Writer.Commit();
        }

        using var reopened = LedgerStore.Open(_data.Path);
        Assert.True(reopened.Recovery.CheckpointRecovered);
        Assert.Equal(7, reopened.Recovery.EntriesReplayed);
        Assert.Equal(new Mills(-7_100), reopened.Balance("ACC-1"));
        Assert.False(Calls.Append(reopened.Writer, "early-5", "ACC-1", 1));
        Assert.False(Calls.Append(reopened.Writer, "late-5", "ACC-1", 1));
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Movements_MoveTheBalanceOncePerId()
    {
        using var store = LedgerStore.Open(_data.Path);
        var payment = new BalanceMovement("pay-1", "ACC-1", MovementKind.Payment, new Mills(50_000), Instant.FromUtc(2026, 10, 1, 0, 0), "card 4242");
        Assert.True(store.Writer.TryPostMovement(payment));
        Assert.False(store.Writer.TryPostMovement(payment));
        Calls.Append(store.Writer, "c1", "ACC-1", 1_250);
        store.Writer.Commit();
        Assert.Equal(new Mills(48_750), store.Balance("ACC-1"));

        var report = JournalVerifier.Verify(store);
        Assert.True(report.IsConsistent, string.Join("; ", report.Problems));
        Assert.Equal((2L, 1L, 1L), (report.Entries, report.Calls, report.Movements));
    }

    [Fact]
    public void Batches_AreFoundByKeyAfterReopening()
    {
        var batch = new AcceptedBatch("key-1", (UInt128)12345, [new BatchRow(BatchOutcome.Rated, new Mills(57)), new BatchRow(BatchOutcome.Duplicate, Mills.Zero)]);
        using (var store = LedgerStore.Open(_data.Path))
        {
            Assert.Null(store.Writer.FindBatch("key-1"));
            store.Writer.AppendBatch(batch);
            store.Writer.Commit();
            Assert.Throws<InvalidOperationException>(() => store.Writer.AppendBatch(batch));
        }

        using var reopened = LedgerStore.Open(_data.Path);
        var found = reopened.Writer.FindBatch("key-1");
        Assert.NotNull(found);
        Assert.Equal(batch.BodyHash, found.BodyHash);
        Assert.Equal(batch.Rows, found.Rows);
    }

    [Fact]
    public void Verify_StateThatDisagreesWithTheJournal_IsReported()
    {
        using var store = LedgerStore.Open(_data.Path);
        Calls.Append(store.Writer, "c1", "ACC-1", 100);
        store.Writer.Commit();

        // Damage the derived state behind the writer's back, as a bug or a bad disk would.
        var table = (FasterTable<StateKey, StateValue>)typeof(LedgerStore).GetField("_state", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(store)!;
        table.Add(StateKey.Balance("ACC-1"u8), StateValue.OfAmount(1));

        var report = JournalVerifier.Verify(store);
        Assert.False(report.IsConsistent);
        Assert.Contains(report.Problems, p => p.Contains("balance of 'ACC-1'", StringComparison.Ordinal) && p.Contains("-100", StringComparison.Ordinal) && p.Contains("-99", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_TornTailAfterTheLastCommit_IsCutOffAndReported()
    {
        using (var store = LedgerStore.Open(_data.Path))
        {
            Calls.Append(store.Writer, "a", "ACC-1", 10);
            store.Writer.Commit();
        }

        // A process that died mid-write leaves bytes after the committed tail.
        var segment = Path.Combine(_data.Path, "ledger", "journal", "journal.log.0");
        var committedLength = new FileInfo(segment).Length;
        File.AppendAllText(segment, "half-written garbage that was never committed");

        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Equal(45, reopened.Recovery.TornBytesDiscarded);
        Assert.Equal(committedLength, new FileInfo(segment).Length);
        Assert.Equal(new Mills(-10), reopened.Balance("ACC-1"));
        Calls.Append(reopened.Writer, "b", "ACC-1", 5);
        reopened.Writer.Commit();
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Open_DataDirectoryThatIsAFile_GivesAClearError()
    {
        var file = Path.Combine(_data.Path, "not-a-directory");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<LedgerUnavailableException>(() => LedgerStore.Open(file));
        Assert.Contains("cannot be used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAppend_AccountTooLongForTheStore_IsRefused()
    {
        using var store = LedgerStore.Open(_data.Path);
        Assert.Throws<ArgumentException>(() => Calls.Append(store.Writer, "c1", new string('a', StateKey.MaxAccountLength + 1), 1));
    }
}
