using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Ledger.Verification;
using Centrex.Rating.Money;

namespace Centrex.Ledger.Tests;

/// <summary>
/// The account state when its records do not fit the in-memory log (issue 16's full-scale run: 100,000 accounts in a
/// 16 MiB log): updates of records on disk go pending and are completed together, and every one must still land once.
/// </summary>
public sealed class StateMemoryTests : IDisposable
{
    private const int Accounts = 3_000;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Commit_StateFarLargerThanItsMemory_AppliesEveryUpdateOnce()
    {
        // 64 KiB of log in memory (16 KiB pages) against 3,000 accounts x 6 records x 80 bytes = 1.4 MB: after the first
        // round and a checkpoint nearly every record of the later rounds is read back from disk.
        var options = new LedgerOptions { StateLogMemoryBits = 16 };
        using (var store = LedgerStore.Open(_data.Path, options))
        {
            for (var round = 1; round <= 3; round++)
            {
                for (var i = 0; i < Accounts; i++)
                {
                    Assert.True(Calls.Append(store.Writer, $"r{round}-{i}", Account(i), chargeMills: round * 10 + i % 7, billed: 60));
                }

                store.Writer.Commit();
                store.Writer.Checkpoint();
            }

            Check(store);
        }

        using var reopened = LedgerStore.Open(_data.Path, options);
        Check(reopened);
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Reopen_WithAnotherMemorySize_RecoversTheSameState()
    {
        // serve and rate ask for a size from provisioning; bill, balance and journal verify open the same store with
        // none. FASTER recovered a checkpoint taken with one size into another as a garbage balance
        // (-756,323,262,421,532.738 for -0.066): the store keeps its size, an opener asking for less gets the kept one,
        // one asking for more gets the state rebuilt from the journal.
        var large = new LedgerOptions { StateLogMemoryBits = 22 };
        var small = new LedgerOptions { StateLogMemoryBits = 16 };
        Assert.Equal(22, Charge(large, round: 1));
        Assert.Equal(22, Charge(small, round: 2));
        Assert.Equal(22, Charge(large, round: 3));
        using var reopened = LedgerStore.Open(_data.Path, small);
        Assert.Equal(22, reopened.StateLogMemoryBits);
        Assert.Null(reopened.Recovery.StateRebuilt);
        Check(reopened);
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Reopen_AskingForMoreMemory_RebuildsTheStateFromTheJournal()
    {
        var small = new LedgerOptions { StateLogMemoryBits = 16 };
        Assert.Equal(16, Charge(small, round: 1));
        Assert.Equal(16, Charge(small, round: 2));
        var progress = new List<string>();
        using (var grown = LedgerStore.Open(_data.Path, new LedgerOptions { StateAccounts = 100_000, StateRebuildProgress = progress.Add }))
        {
            Assert.Equal(LedgerOptions.StateLogBitsFor(100_000), grown.StateLogMemoryBits);
            Assert.Contains("smaller than", grown.Recovery.StateRebuilt, StringComparison.Ordinal);
            Assert.StartsWith("rebuilding the account state from the journal into a store with a 64 MiB in-memory log", progress[0], StringComparison.Ordinal);
            Assert.Contains(progress, line => line.Contains("% of the journal", StringComparison.Ordinal));

            // The registry is untouched: a call charged before the rebuild is still a duplicate.
            Assert.False(Calls.Append(grown.Writer, "r1-7", Account(7), chargeMills: 1000));
            for (var i = 0; i < Accounts; i++)
            {
                Assert.True(Calls.Append(grown.Writer, $"r3-{i}", Account(i), chargeMills: 30 + i % 7, billed: 60));
            }

            grown.Writer.Commit();
        }

        // A reader that asks for nothing opens the grown store with its kept size, without another rebuild.
        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Equal(LedgerOptions.StateLogBitsFor(100_000), reopened.StateLogMemoryBits);
        Assert.Null(reopened.Recovery.StateRebuilt);
        Check(reopened);
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Open_StoreOfFormatOne_IsRebuiltFromTheJournal()
    {
        using (var store = LedgerStore.Open(_data.Path))
        {
            for (var round = 1; round <= 3; round++)
            {
                for (var i = 0; i < Accounts; i++)
                {
                    Assert.True(Calls.Append(store.Writer, $"r{round}-{i}", Account(i), chargeMills: round * 10 + i % 7, billed: 60));
                }
            }

            store.Writer.TryPostMovement(new BalanceMovement("pay-1", Account(1), MovementKind.Payment, new Mills(500), NodaTime.Instant.FromUnixTimeSeconds(Calls.October), "test"));
            store.Writer.Commit();
        }

        // A directory as versions before kept formats left it: ledger/state with a record per counter, 64-bit values,
        // no format file. Its values are wrong on purpose: only a rebuild from the journal gets the balances right.
        Directory.Delete(Path.Combine(_data.Path, "ledger", "state2"), recursive: true);
        WriteFormatOneStore();

        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Contains("format 1", reopened.Recovery.StateRebuilt, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "ledger", "state")));
        Assert.Equal(LedgerOptions.MinStateLogBits, reopened.StateLogMemoryBits);
        Assert.Equal(new Mills(-(60 + 3 * (1 % 7)) + 500), reopened.Balance(Account(1)));
        Assert.Equal(new Mills(-60), reopened.Balance(Account(0)));
        Assert.Equal(3, reopened.Counter(Account(0), CounterKind.Calls, 202610));
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Open_AfterAVersionBeforeFormatTwoRanAgain_KeepsStateTwoAndDropsItsStore()
    {
        // An older version started on the directory again finds no ledger/state, so it rebuilt its own there from the
        // journal instead of misreading state2's records; this version keeps state2 (the journal brings it forward).
        Assert.Equal(16, Charge(new LedgerOptions { StateLogMemoryBits = 16 }, round: 1));
        WriteFormatOneStore();
        Assert.Equal(16, Charge(new LedgerOptions(), round: 2));
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "ledger", "state")));
        Assert.Equal(16, Charge(new LedgerOptions(), round: 3));
        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Null(reopened.Recovery.StateRebuilt);
        Check(reopened);
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Fact]
    public void Open_CrashedWhileRebuilding_RebuildsAgain()
    {
        Assert.Equal(16, Charge(new LedgerOptions { StateLogMemoryBits = 16 }, round: 1));

        // A rebuild that died after the new store's format was written and before its first checkpoint: the folder
        // holds a kept format and no checkpoint. Opening replays the whole journal into it.
        var state = Path.Combine(_data.Path, "ledger", "state2");
        var format = File.ReadAllText(Path.Combine(state, "format"));
        Directory.Delete(state, recursive: true);
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "format"), format);
        Directory.CreateDirectory(Path.Combine(_data.Path, "ledger", "state.replaced"));

        using (var store = LedgerStore.Open(_data.Path))
        {
            Assert.False(store.Recovery.CheckpointRecovered);
            Assert.Equal(16, store.StateLogMemoryBits);
            for (var i = 0; i < Accounts; i++)
            {
                Assert.True(Calls.Append(store.Writer, $"r2-{i}", Account(i), chargeMills: 20 + i % 7, billed: 60));
                Assert.True(Calls.Append(store.Writer, $"r3-{i}", Account(i), chargeMills: 30 + i % 7, billed: 60));
            }

            store.Writer.Commit();
        }

        Assert.False(Directory.Exists(Path.Combine(_data.Path, "ledger", "state.replaced")));
        using var reopened = LedgerStore.Open(_data.Path);
        Check(reopened);
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Theory]
    [InlineData(0, LedgerOptions.MinStateLogBits)]
    [InlineData(30_000, 24)] // 14.4 MB of working set: the smallest log holds it
    [InlineData(40_000, 25)]
    [InlineData(100_000, 26)] // issue 16's full scale: 48 MB -> 64 MiB
    [InlineData(10_000_000, LedgerOptions.MaxStateLogBits)]
    public void StateLogBitsFor_HoldsTwiceAMonthsRecordsOfEveryAccount(long accounts, int bits) =>
        Assert.Equal(bits, LedgerOptions.StateLogBitsFor(accounts));

    private static string Account(int i) => $"ACC-{i:D5}";

    /// <summary>A format-1 store in ledger/state (FASTER's own files, 64-bit values, a record per counter) holding wrong values.</summary>
    private void WriteFormatOneStore()
    {
        using var old = new FasterTable<StateKey, long>(Path.Combine(_data.Path, "ledger", "state"), StateKeyComparer.Instance, 1 << 10, 20, 18, (a, b) => a + b);
        old.Add(StateKey.Balance(System.Text.Encoding.UTF8.GetBytes(Account(0))), 123_456);
        old.Add(StateKey.CounterOf(System.Text.Encoding.UTF8.GetBytes(Account(0)), CounterKind.Calls, 202610), 99);
        old.Checkpoint();
    }

    /// <summary>Charges every account once in a store opened with <paramref name="options"/>; returns the log size it kept.</summary>
    private int Charge(LedgerOptions options, int round)
    {
        using var store = LedgerStore.Open(_data.Path, options);
        for (var i = 0; i < Accounts; i++)
        {
            Assert.True(Calls.Append(store.Writer, $"r{round}-{i}", Account(i), chargeMills: round * 10 + i % 7, billed: 60));
        }

        store.Writer.Commit();
        store.Writer.Checkpoint();
        return store.StateLogMemoryBits;
    }

    private static void Check(LedgerStore store)
    {
        for (var i = 0; i < Accounts; i++)
        {
            // Rounds 1-3 charge 10, 20 and 30 mills plus i % 7 each.
            Assert.Equal(new Mills(-(60 + 3 * (i % 7))), store.Balance(Account(i)));
            Assert.Equal(3, store.Counter(Account(i), CounterKind.Calls, 202610));
            Assert.Equal(180, store.Counter(Account(i), CounterKind.BilledSeconds, 202610));
        }
    }
}
