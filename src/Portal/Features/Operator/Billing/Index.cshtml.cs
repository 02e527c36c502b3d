using Centrex.Portal.Localization;
using Centrex.Invoicing.Cycle;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;

namespace Centrex.Portal.Features.Operator.Billing;

/// <summary>Billing runs (issue 16): bill a month, see the summary, void and reissue an invoice, through <see cref="BillingRuns"/> (the API's too).</summary>
public sealed class IndexModel(BillingRuns runs) : PageModel
{
    /// <summary>What the last action did.</summary>
    public sealed record RunSummary(string Title, IReadOnlyList<(string, string)> Lines);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<BillingRuns.PeriodRow> Periods { get; private set; } = [];

    public string NextPeriod { get; private set; } = string.Empty;

    /// <summary>The months table's sortable columns (the latest first unless the URL says otherwise).</summary>
    /// <remarks>Totals in different currencies do not compare: "total" sorts by currency code, then amount, of each month's first total.</remarks>
    public static TableSort<BillingRuns.PeriodRow> Sorting { get; } = new("month", defaultDescending: true,
        [("month", p => p.Period), ("invoices", p => p.Invoices), ("void", p => p.Void),
         ("total", p => p.Totals.Count == 0 ? null : (p.Totals[0].Currency ?? string.Empty, p.Totals[0].Total.Value))]);

    /// <summary>The page of months shown, in the URL's order.</summary>
    public Paged<BillingRuns.PeriodRow> Result => field ??= Sorting.Page(Request.Query, Periods);

    public RunSummary? Summary { get; private set; }

    public void OnGet() => List();

    public async Task<IActionResult> OnPostBill(string? period)
    {
        var parsed = YearMonthPattern.Iso.Parse(period ?? string.Empty);
        if (!parsed.Success)
        {
            Errors["period"] = "a month written YYYY-MM";
            List();
            return Page();
        }

        try
        {
            var result = await runs.Bill(parsed.Value, HttpContext.RequestAborted);
            var run = result.Run;

            // Per currency, as centrex bill prints them (a sum of dollars and yen is no amount): a new run's from its own
            // invoices, in the currency each was issued in; a month billed already from the store's.
            var totals = result.AlreadyBilled
                ? runs.Totals(parsed.Value)
                : CurrencyTotal.Of(result.Invoices, i => i.Customer.Currency, i => i.Total, i => i.AmountDue);
            Summary = new RunSummary(result.AlreadyBilled ? Translation.Of(HttpContext, "{0} was billed already", period) : Translation.Of(HttpContext, "{0} billed", period), [
                ("Customers billed", run.Invoices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                ("Invoices", run.FirstNumber is { } first
                    ? Translation.Of(HttpContext, "{0} to {1}", Display.Show.InvoiceNumber(first), Display.Show.InvoiceNumber(run.LastNumber!.Value))
                    : Translation.Of(HttpContext, "none")),
                ("Calls billed", result.Calls.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                ("Calls of unprovisioned accounts (not billed)", result.UnprovisionedCalls.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                .. totals.Select(t => ("Invoiced total", Total(t))),
                .. totals.Where(t => t.Currency is not null).Select(t => ("Amount due", Display.Show.Money(t.AmountDue, t.Currency!))),
                ("Elapsed", $"{result.Elapsed.TotalSeconds:0.00} s"),
            ]);
        }
        catch (Exception e) when (e is BillingException or ProvisioningException)
        {
            Errors["period"] = BillingRefusal.Of(HttpContext, e);
        }

        List();
        return Page();
    }

    public async Task<IActionResult> OnPostReissue(string? number, string? reason)
    {
        var n = FormValues.Number(number, "number", "an invoice number is digits only", Errors);
        if (string.IsNullOrWhiteSpace(reason))
        {
            Errors["reason"] = "say why (it is kept with the void)";
        }

        if (Errors.Count == 0 && n is { } invoice)
        {
            try
            {
                var issued = await runs.VoidAndReissue(invoice, reason!.Trim(), HttpContext.RequestAborted);
                Summary = new RunSummary($"Invoice {Display.Show.InvoiceNumber(invoice)} voided", [
                    ("Reissued as", Display.Show.InvoiceNumber(issued.Number)),
                    // In the customer's currency, as the invoice prints them: the total exact, the amount due in its minor unit.
                    ("Total", Display.Show.Exact(issued.Total, issued.Customer.Currency)),
                    ("Amount due", Display.Show.Money(issued.AmountDue, issued.Customer.Currency)),
                ]);
            }
            catch (Exception e) when (e is BillingException or ProvisioningException)
            {
                Errors["number"] = BillingRefusal.Of(HttpContext, e);
            }
        }

        List();
        return Page();
    }

    /// <summary>
    /// A currency's invoiced total as its invoices print it, exact to the mill (<c>126.123 JPY</c>); for invoices whose
    /// customer is no longer provisioned, their count (their currency is not known, so they are not added up).
    /// </summary>
    public string Total(CurrencyTotal total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return total.Currency is { } currency
            ? Display.Show.Exact(total.Total, currency)
            : Translation.Of(HttpContext, "{0} invoices of customers no longer provisioned (currency unknown, not totalled)", total.Invoices);
    }

    private void List()
    {
        Periods = runs.Periods();
        NextPeriod = YearMonthPattern.Iso.Format(runs.NextPeriod());
    }
}
