using System.Text;
using Centrex.Invoicing.Transactions;
using Centrex.Portal.Data.CallLog;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// The Transactions CSV of any period, written as the call-log index is read (issue 16: "long exports streamed"), the way
/// the xDR CSV is (<see cref="Invoicing.Xdr.XdrCsvWriter"/>): the index's UTF-8 fields go straight into the writer's
/// buffer (<see cref="CallLogStore.EachCharged"/>, <see cref="TransactionCsvWriter.WriteCall"/>), so nothing is built per
/// call; the ledger's entries and payments (<see cref="TransactionReport.Held"/>, a few a month) are merged in by date
/// as <see cref="TransactionReport.Each"/> merges them, so the rows and their order are the list's.
/// </summary>
public static class TransactionCsvExport
{
    /// <summary>Writes the CSV to <paramref name="output"/>; returns the rows written (the header not counted).</summary>
    /// <param name="output">Where to write (flushed, not closed).</param>
    /// <param name="calls">The call-log index.</param>
    /// <param name="customerId">Whose calls.</param>
    /// <param name="zone">The customer's zone: the days and each call's date are in it.</param>
    /// <param name="accounts">The customer's accounts: a call of another account is not listed (as the list leaves it out, <see cref="TransactionQueries"/>).</param>
    /// <param name="held">The other transactions of the period, in order (<see cref="TransactionReport.Held"/>).</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="withCalls">Whether calls are asked for (no service filter, or <c>calls</c>).</param>
    /// <param name="cancellation">Stops the read (a client that went away).</param>
    public static long Write(Stream output, CallLogStore calls, string customerId, DateTimeZone zone, IEnumerable<string> accounts, IReadOnlyList<Transaction> held,
        LocalDate from, LocalDate to, bool withCalls, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(held);
        var lookup = accounts.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        using var writer = new TransactionCsvWriter(output);
        var next = 0;
        if (withCalls)
        {
            calls.EachCharged(customerId, from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant(), (in ChargedCall call) =>
            {
                Span<char> account = stackalloc char[256];
                if (call.Account.Length > account.Length || !lookup.Contains(account[..Encoding.UTF8.GetChars(call.Account, account)]))
                {
                    return;
                }

                var date = Instant.FromUnixTimeMilliseconds(call.StartMilliseconds).InZone(zone).Date;

                // Calls come first within their day ("calls" is the first service): what is held of earlier days goes before.
                while (next < held.Count && held[next].Date < date)
                {
                    writer.Write(held[next++]);
                }

                writer.WriteCall(date, call.Account, call.Callee, call.Destination, call.Id, call.BilledSeconds, new Mills(call.NetMills));
                if ((writer.Rows & 0xFFF) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
            });
        }

        while (next < held.Count)
        {
            writer.Write(held[next++]);
        }

        writer.Flush();
        output.Flush();
        return writer.Rows;
    }
}
