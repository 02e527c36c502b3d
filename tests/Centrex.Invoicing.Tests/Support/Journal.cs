using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Cdrs;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>Writes rated calls into a data directory's real ledger journal, as <c>centrex rate --data</c> does.</summary>
internal static class Journal
{
    public static void Append(string data, IEnumerable<RatedCdr> calls)
    {
        using var ledger = LedgerStore.Open(data);
        foreach (var c in calls)
        {
            var start = c.Start.ToUnixTimeTicks();
            var fields = new RatedCdrFields(
                Encoding.UTF8.GetBytes(c.Id), Encoding.UTF8.GetBytes(c.Account), Encoding.UTF8.GetBytes(c.Caller), Encoding.UTF8.GetBytes(c.Callee),
                Math.DivRem(start, 10_000_000, out var ticks), (int)(ticks * 100), c.DurationSeconds, c.BilledSeconds, c.Class,
                Encoding.UTF8.GetBytes(c.Prefix), Encoding.UTF8.GetBytes(c.Destination), c.Charge.Value, c.Discount.Value);
            Assert.True(ledger.Writer.TryAppendRatedCdr(fields), $"call {c.Id} was not appended");
        }

        ledger.Writer.Commit();
        ledger.Writer.Checkpoint();
    }
}
