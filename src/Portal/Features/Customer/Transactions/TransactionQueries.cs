using Centrex.Invoicing.Transactions;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// Transactions for the page and <c>/api/v1/me/transactions</c>: the filters (from, to, service) read and checked the
/// same way for both, the list shown on screen (at most a year: its totals and a page read from the call-log index), and the CSV
/// download of any length, written row by row as the call-log index is read (issue 16: "long exports streamed").
/// </summary>
public sealed class TransactionQueries(CustomerScope scope, PortalData data)
{
    /// <summary>The longest range listed on screen or as JSON; the CSV has no limit.</summary>
    public const int MaxListDays = 366;

    /// <summary>What is asked: the days (in the customer's zone, both included) and the service (null: all).</summary>
    public sealed record Filter(LocalDate From, LocalDate To, string? Service);

    /// <summary>
    /// Reads <c>from</c>, <c>to</c> (default: this month so far) and <c>service</c>; the errors by field. A list
    /// (<paramref name="download"/> false) covers at most <see cref="MaxListDays"/> days.
    /// </summary>
    public Filter Read(IQueryCollection query, bool download, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
        var from = FormValues.Date(query["from"], "from", errors) ?? today.With(DateAdjusters.StartOfMonth);
        var to = FormValues.Date(query["to"], "to", errors) ?? today;
        if (to < from)
        {
            errors["to"] = "the last day is before the first";
        }
        else if (!download && Period.Between(from, to, PeriodUnits.Days).Days > MaxListDays)
        {
            errors["to"] = "at most a year at a time on screen (the CSV download covers any period)";
        }

        string? service = null;
        if (query["service"].ToString() is { Length: > 0 } s)
        {
            if (TransactionReport.Services.Contains(s))
            {
                service = s;
            }
            else
            {
                errors["service"] = $"one of {string.Join(", ", TransactionReport.Services)}";
            }
        }

        return new Filter(from, to, service);
    }

    /// <summary>
    /// The totals by service of <paramref name="filter"/> (seed 004: "Total Transactions, Charged Quantity, Charged
    /// Amount"), in service order: the calls' from one aggregate in SQLite, the others' from the few held.
    /// </summary>
    public IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals(Filter filter) => Totals(filter, Held(filter));

    /// <summary>
    /// The totals of <paramref name="filter"/> and the page <paramref name="paging"/> asks for, in the order of
    /// <see cref="IndexModel.Sorting"/> (<see cref="TransactionPager"/>): the calls are read a page at a time from the
    /// call-log index, never the whole period (review of issue 16, finding 2).
    /// </summary>
    public (IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals, Paged<Transaction> Page) Page(Filter filter, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var held = Held(filter);
        var totals = Totals(filter, held);
        var callCount = totals.Count > 0 && totals[0].Service == "calls" ? totals[0].Transactions : 0;
        var (from, to, accounts, zone) = Range(filter);
        var page = TransactionPager.Page(paging, callCount,
            (skip, take) => [.. data.Calls.ChargedPage(scope.CustomerId, from, to, accounts, TransactionPager.CallOrder(paging), skip, take).Select(c => Call(c, zone))],
            IndexModel.Sorting.Sort(held, paging), IndexModel.Sorting.Key(paging.Sort));
        return (totals, page);
    }

    private IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals(Filter filter, List<Transaction> held)
    {
        var others = TransactionReport.Totals(held);
        if (filter.Service is not (null or "calls"))
        {
            return others;
        }

        var (from, to, accounts, _) = Range(filter);
        var (count, seconds, mills) = data.Calls.ChargedTotals(scope.CustomerId, from, to, accounts);
        return count == 0 ? others : [("calls", checked((int)count), seconds, new Mills(mills)), .. others];
    }

    // The transactions other than calls (TransactionReport.Held: a few a month), the billing store read only for them.
    private List<Transaction> Held(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var view = scope.View;
        var ledger = data.Billing.Read(billing => billing.Ledger(view.Customer.Id));
        return TransactionReport.Held(view.Payments, ledger, filter.From, filter.To, filter.Service);
    }

    // The period's instants (its days in the customer's zone) and the customer's present lines: a call of a line moved to
    // another customer since is not its transaction (TransactionReport.Build with the accounts it is given).
    private (Instant From, Instant To, List<string> Accounts, DateTimeZone Zone) Range(Filter filter) =>
        (filter.From.AtStartOfDayInZone(scope.Zone).ToInstant(), filter.To.PlusDays(1).AtStartOfDayInZone(scope.Zone).ToInstant(),
            [.. scope.View.Accounts.Select(a => a.Id)], scope.Zone);

    // A call as TransactionReport.Each lists it.
    private static Transaction Call(CallRow c, DateTimeZone zone) =>
        new(c.Start.InZone(zone).Date, "calls", c.Account, $"Call to +{c.Callee} ({c.Destination ?? string.Empty})", c.Id, null, c.BilledSeconds, c.Charge!.Value);

    /// <summary>The download's name: <c>transactions-CUST-QC-2026-10-01-2026-10-31.csv</c>.</summary>
    public string FileName(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return $"transactions-{scope.CustomerId}-{Display.Show.IsoDate(filter.From)}-{Display.Show.IsoDate(filter.To)}.csv";
    }

    /// <summary>
    /// Streams the CSV of <paramref name="filter"/> (<see cref="TransactionCsvExport"/>): the billing ledger's entries are
    /// read first (a few a month; the store is not held while the client reads), then each call is written as the index
    /// yields it, from its bytes, so memory stays that of the write buffer however many calls there are.
    /// </summary>
    public async Task WriteCsv(HttpContext context, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        var view = scope.View;
        var ledger = data.Billing.Read(billing => billing.Ledger(view.Customer.Id));
        var held = TransactionReport.Held(view.Payments, ledger, filter.From, filter.To, filter.Service);
        context.Response.ContentType = "text/csv; charset=utf-8";
        Api.Downloads.Name(context.Response, FileName(filter));
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        var aborted = context.RequestAborted;
        var (calls, customer, zone, accounts) = (data.Calls, scope.CustomerId, scope.Zone, view.Accounts.Select(a => a.Id).ToList());
        await Task.Run(() => TransactionCsvExport.Write(context.Response.Body, calls, customer, zone, accounts, held, filter.From, filter.To,
            filter.Service is null or "calls", aborted), aborted);
    }
}
