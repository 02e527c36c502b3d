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
        // serve and rate size the log from provisioning; bill, balance and journal verify open the same store with the
        // default size. A checkpoint taken with one size must recover with the other, both ways.
        var large = new LedgerOptions { StateLogMemoryBits = 22 };
        var small = new LedgerOptions { StateLogMemoryBits = 16 };
        Charge(large, round: 1);
        Charge(small, round: 2);
        Charge(large, round: 3);
        using var reopened = LedgerStore.Open(_data.Path, small);
        Check(reopened);
        Assert.True(JournalVerifier.Verify(reopened).IsConsistent);
    }

    [Theory]
    [InlineData(0, LedgerOptions.MinStateLogBits)]
    [InlineData(10_000, 24)] // 9.6 MB of working set: the smallest log holds it
    [InlineData(20_000, 25)]
    [InlineData(100_000, 27)] // issue 16's full scale: 96 MB -> 128 MiB
    [InlineData(10_000_000, LedgerOptions.MaxStateLogBits)]
    public void StateLogBitsFor_HoldsTwiceAMonthsRecordsOfEveryAccount(long accounts, int bits) =>
        Assert.Equal(bits, LedgerOptions.StateLogBitsFor(accounts));

    private static string Account(int i) => $"ACC-{i:D5}";

    private void Charge(LedgerOptions options, int round)
    {
        using var store = LedgerStore.Open(_data.Path, options);
        for (var i = 0; i < Accounts; i++)
        {
            Assert.True(Calls.Append(store.Writer, $"r{round}-{i}", Account(i), chargeMills: round * 10 + i % 7, billed: 60));
        }

        store.Writer.Commit();
        store.Writer.Checkpoint();
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
