using System.Text;
using Centrex.Ledger.State;

namespace Centrex.Ledger.Tests;

/// <summary>
/// The writer's sums of a commit's changes (issue 16 made them one open-addressing table with the accounts inline): every
/// account and period gets exactly its own sums, through the table's growth and its reuse by the next commit.
/// </summary>
public sealed class PendingTotalsTests
{
    [Fact]
    public void Drain_GivesEachAccountAndMonthExactlyItsSums_AcrossGrowthAndReuse()
    {
        var totals = new PendingTotals();
        for (var round = 0; round < 2; round++)
        {
            // 6,000 accounts (the table starts with 1,024 slots), two months each, an empty account id and one of the
            // longest a key holds, and movements (no month) beside calls.
            var accounts = Enumerable.Range(0, 6_000).Select(i => $"ACC-{i}-{round}").Append("").Append(new string('L', StateKey.MaxAccountLength)).ToList();
            var expected = new Dictionary<(string, int), (long Balance, long Calls, long Billed, long Domestic, long Net, long Discount)>();
            var random = new Random(round);
            for (var i = 0; i < 40_000; i++)
            {
                var account = accounts[random.Next(accounts.Count)];
                var bytes = Encoding.UTF8.GetBytes(account);
                if (i % 10 == 0)
                {
                    totals.AddMovement(bytes, 1_000 + i);
                    Add(expected, (account, 0), balance: 1_000 + i);
                    continue;
                }

                var period = i % 3 == 0 ? 202611 : 202612;
                var domestic = i % 2 == 0;
                totals.AddCall(bytes, period, domestic, billedSeconds: 60 + i, netMills: 7 + i, discountMills: i % 5);
                Add(expected, (account, period), -(7 + i), 1, 60 + i, domestic ? 60 + i : 0, 7 + i, i % 5);
            }

            var changes = new List<(StateKey Key, StateValue Delta)>();
            totals.Drain(changes);

            var balances = expected.GroupBy(e => e.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(e => e.Value.Balance));
            var drainedBalances = changes.Where(c => c.Key.Kind == StateKind.Balance)
                .GroupBy(c => Encoding.UTF8.GetString(c.Key.Account)).ToDictionary(g => g.Key, g => g.Sum(c => c.Delta.Amount));
            Assert.Equal(balances.Where(b => b.Value != 0).OrderBy(b => b.Key, StringComparer.Ordinal), drainedBalances.OrderBy(b => b.Key, StringComparer.Ordinal));

            var months = changes.Where(c => c.Key.Kind == StateKind.Month).ToList();
            Assert.Equal(months.Count, months.Select(c => (Encoding.UTF8.GetString(c.Key.Account), c.Key.Period)).Distinct().Count()); // one record each
            Assert.Equal(expected.Count(e => e.Key.Item2 != 0), months.Count);
            foreach (var (key, delta) in months)
            {
                var want = expected[(Encoding.UTF8.GetString(key.Account), key.Period)];
                Assert.Equal((want.Calls, want.Billed, want.Domestic, want.Net, want.Discount),
                    (delta.Calls, delta.BilledSeconds, delta.DomesticBilledSeconds, delta.NetChargeMills, delta.DiscountMills));
            }
        }

        // Drained: nothing is left for the next commit.
        var none = new List<(StateKey Key, StateValue Delta)>();
        totals.Drain(none);
        Assert.Empty(none);
    }

    [Fact]
    public void AnAccountLongerThanAKeyHolds_IsRefused()
    {
        var totals = new PendingTotals();
        Assert.Throws<ArgumentException>(() => totals.AddMovement(new byte[StateKey.MaxAccountLength + 1], 1));
    }

    private static void Add(Dictionary<(string, int), (long, long, long, long, long, long)> sums, (string, int) key,
        long balance, long calls = 0, long billed = 0, long domestic = 0, long net = 0, long discount = 0)
    {
        var (b, c, s, d, n, x) = sums.GetValueOrDefault(key);
        sums[key] = (b + balance, c + calls, s + billed, d + domestic, n + net, x + discount);
    }
}
