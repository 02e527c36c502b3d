using Centrex.Invoicing.Transactions;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// Transactions for the page and <c>/api/v1/me/transactions</c>: the filters (from, to, service) read and checked the
/// same way for both, the list shown on screen (at most a year: its totals and pages are built in memory), and the CSV
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
                Localization.Refusals.Note(Localization.Refusals.Current, "one-of", errors["service"], string.Join(", ", TransactionReport.Services));
            }
        }

        return new Filter(from, to, service);
    }

    /// <summary>The transactions of <paramref name="filter"/>, by date.</summary>
    public List<Transaction> List(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var view = scope.View;
        return data.Billing.Read(billing => TransactionReport.Build(view.Customer, view.Accounts, view.Payments, billing,
            new CallLogRatedSource(data.Calls, scope.CustomerId), filter.From, filter.To, filter.Service));
    }

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
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FileName(filter) }.ToString();
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        var aborted = context.RequestAborted;
        var (calls, customer, zone, accounts) = (data.Calls, scope.CustomerId, scope.Zone, view.Accounts.Select(a => a.Id).ToList());
        await Task.Run(() => TransactionCsvExport.Write(context.Response.Body, calls, customer, zone, accounts, held, filter.From, filter.To,
            filter.Service is null or "calls", aborted), aborted);
    }
}
