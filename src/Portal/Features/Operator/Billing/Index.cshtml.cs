using Centrex.Invoicing;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Taxes;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;

namespace Centrex.Portal.Features.Operator.Billing;

/// <summary>
/// Billing runs (issue 16: "bill a month, see the summary, void and reissue an invoice"): the billing cycle of
/// <c>centrex bill</c> and <c>centrex invoice reissue</c>, run in <c>serve</c> on its own ledger (a second process could not
/// open it while serve runs). One run at a time.
/// </summary>
public sealed class IndexModel(PortalData data) : PageModel
{
    private static readonly SemaphoreSlim OneRun = new(1, 1);

    /// <summary>A billed month.</summary>
    public sealed record PeriodRow(string Period, int Invoices, int Void, Mills Total);

    /// <summary>What the last action did.</summary>
    public sealed record RunSummary(string Title, IReadOnlyList<(string, string)> Lines);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PeriodRow> Periods { get; private set; } = [];

    public string NextPeriod { get; private set; } = string.Empty;

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

        await OneRun.WaitAsync(HttpContext.RequestAborted);
        try
        {
            var result = await Task.Run(() => Cycle().Run(parsed.Value, null, HttpContext.RequestAborted));
            var run = result.Run;
            Summary = new RunSummary(result.AlreadyBilled ? $"{period} was billed already" : $"{period} billed", [
                ("Customers billed", run.Invoices.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                ("Invoices", run.FirstNumber is { } first ? $"{Display.Show.InvoiceNumber(first)} to {Display.Show.InvoiceNumber(run.LastNumber!.Value)}" : "none"),
                ("Calls billed", result.Calls.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                ("Calls of unprovisioned accounts (not billed)", result.UnprovisionedCalls.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                ("Invoiced total", Amounts.Mills(run.Total)),
                ("Elapsed", $"{result.Elapsed.TotalSeconds:0.00} s"),
            ]);
        }
        catch (Exception e) when (e is BillingException or ProvisioningException)
        {
            Errors["period"] = e.Message + "; nothing was changed";
        }
        finally
        {
            OneRun.Release();
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
            await OneRun.WaitAsync(HttpContext.RequestAborted);
            try
            {
                var issued = await Task.Run(() => Cycle().VoidAndReissue(invoice, reason!.Trim()));
                Summary = new RunSummary($"Invoice {Display.Show.InvoiceNumber(invoice)} voided", [
                    ("Reissued as", Display.Show.InvoiceNumber(issued.Number)),
                    ("Total", Amounts.Mills(issued.Total)),
                    ("Amount due", Amounts.Cents(issued.AmountDue)),
                ]);
            }
            catch (Exception e) when (e is BillingException or ProvisioningException)
            {
                Errors["number"] = e.Message + "; nothing was changed";
            }
            finally
            {
                OneRun.Release();
            }
        }

        List();
        return Page();
    }

    private BillingCycle Cycle() => new(data.DataDirectory, new LedgerJournalSource(data.Ledger), data.Clock, BillingRules.Default, TaxTable.Default, data.Provider);

    private void List()
    {
        var invoices = data.Billing.Read(b => b.Invoices());
        Periods = [.. invoices.GroupBy(i => i.Period).OrderByDescending(g => g.Key)
            .Select(g => new PeriodRow(YearMonthPattern.Iso.Format(g.Key), g.Count(), g.Count(i => i.Void), g.Where(i => !i.Void).Aggregate(Mills.Zero, (s, i) => s + i.Total)))];
        var last = data.Billing.Read(b => b.LastRun());
        NextPeriod = YearMonthPattern.Iso.Format(last is null ? data.Clock.GetCurrentInstant().InUtc().Date.ToYearMonth().PlusMonths(-1) : last.Period.PlusMonths(1));
    }
}
