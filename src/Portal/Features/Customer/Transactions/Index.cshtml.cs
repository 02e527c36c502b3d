using Centrex.Invoicing.Transactions;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// Transactions (seed 004: payments, subscription charges, refunds, calls by service; a date range and a service; totals;
/// CSV download): billing's own transaction list (<c>centrex transactions</c>), the calls read from the call-log index.
/// </summary>
public sealed class IndexModel(CustomerScope scope, PortalData data) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public string? Service { get; private set; }

    public string Currency => scope.Customer.Currency;

    public IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals { get; private set; } = [];

    public Paged<Transaction> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGet()
    {
        var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
        var from = FormValues.Date(Request.Query["from"], "from", Errors) ?? today.With(DateAdjusters.StartOfMonth);
        var to = FormValues.Date(Request.Query["to"], "to", Errors) ?? today;
        if (to < from)
        {
            Errors["to"] = "the last day is before the first";
        }
        else if (Period.Between(from, to, PeriodUnits.Days).Days > 366)
        {
            Errors["to"] = "at most a year at a time";
        }

        Service = Request.Query["service"].ToString() is { Length: > 0 } s && TransactionReport.Services.Contains(s) ? s : null;
        (FromText, ToText) = (Display.Show.IsoDate(from), Display.Show.IsoDate(to));
        var paging = Paging.From(Request.Query, "date", defaultDescending: false);
        if (Errors.Count > 0)
        {
            Result = new Paged<Transaction>([], 0, paging);
            return Page();
        }

        var view = scope.View;
        var list = data.Billing.Read(billing => TransactionReport.Build(view.Customer, view.Accounts, view.Payments, billing,
            new CallLogRatedSource(data.Calls, scope.CustomerId), from, to, Service));
        if (Request.Query["csv"] == "1")
        {
            Response.ContentType = "text/csv; charset=utf-8";
            Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = $"transactions-{scope.CustomerId}-{FromText}-{ToText}.csv" }.ToString();
            HttpContext.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            await Task.Run(() =>
            {
                using var writer = new StreamWriter(Response.Body, new System.Text.UTF8Encoding(false), 1 << 16);
                TransactionReport.WriteCsv(list, writer);
            });
            return new EmptyResult();
        }

        Totals = TransactionReport.Totals(list);
        Result = paging.Of<Transaction>(list);
        return Page();
    }
}
