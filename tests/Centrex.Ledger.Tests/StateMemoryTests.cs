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

    private static string Account(int i) => $"ACC-{i:D5}";

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
