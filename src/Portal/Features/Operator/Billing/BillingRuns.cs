using Centrex.Invoicing;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Taxes;
using Centrex.Portal.Data;
using Centrex.Provisioning;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Features.Operator.Billing;

/// <summary>
/// Billing runs (issue 16: "bill a month, see the summary, void and reissue an invoice"): the billing cycle of
/// <c>centrex bill</c> and <c>centrex invoice reissue</c>, run in <c>serve</c> on its own ledger (a second process could
/// not open it while serve runs), one run at a time for the page and the API alike.
/// </summary>
public sealed class BillingRuns(PortalData data)
{
    private readonly SemaphoreSlim _oneRun = new(1, 1);

    /// <summary>A billed month: its invoices, the void ones, and the standing ones' totals per currency.</summary>
    public sealed record PeriodRow(string Period, int Invoices, int Void, IReadOnlyList<CurrencyTotal> Totals);

    /// <summary>The months billed, latest first.</summary>
    public IReadOnlyList<PeriodRow> Periods()
    {
        var invoices = data.Billing.Read(b => b.Invoices());
        var currency = CurrencyOf();
        return [.. invoices.GroupBy(i => i.Period).OrderByDescending(g => g.Key)
            .Select(g => new PeriodRow(YearMonthPattern.Iso.Format(g.Key), g.Count(), g.Count(i => i.Void),
                CurrencyTotal.Of(g.Where(i => !i.Void), currency, i => i.Total, i => i.AmountDue)))];
    }

    /// <summary>The standing invoices of <paramref name="period"/> totalled per currency (a month billed already).</summary>
    public IReadOnlyList<CurrencyTotal> Totals(YearMonth period)
    {
        var currency = CurrencyOf();
        return CurrencyTotal.Of(data.Billing.Read(b => b.Invoices()).Where(i => i.Period == period && !i.Void), currency, i => i.Total, i => i.AmountDue);
    }

    // An invoice's own currency, the one it was issued in; for one issued before the billing store recorded it, its
    // customer's current one (provisioning's); null when that customer is no longer provisioned either.
    private Func<IssuedInvoice, string?> CurrencyOf()
    {
        var provisioning = data.Provisioning.Current;
        return i => i.Currency ?? provisioning.Customer(i.CustomerId)?.Currency;
    }

    /// <summary>The month to bill next: the one after the last run, else last month.</summary>
    public YearMonth NextPeriod()
    {
        var last = data.Billing.Read(b => b.LastRun());
        return last is null ? data.Clock.GetCurrentInstant().InUtc().Date.ToYearMonth().PlusMonths(-1) : last.Period.PlusMonths(1);
    }

    /// <summary>Bills <paramref name="period"/> (a month billed already is reported, not billed again).</summary>
    /// <exception cref="BillingException">Billing refused; nothing was changed.</exception>
    /// <exception cref="ProvisioningException">Provisioning is not valid; nothing was changed.</exception>
    public async Task<BillingRunResult> Bill(YearMonth period, CancellationToken cancellation)
    {
        await _oneRun.WaitAsync(cancellation);
        try
        {
            return await Task.Run(() => Cycle().Run(period, null, cancellation), cancellation);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    /// <summary>Voids invoice <paramref name="number"/> and issues its replacement, keeping <paramref name="reason"/>.</summary>
    /// <exception cref="BillingException">No such invoice, or it cannot be voided; nothing was changed.</exception>
    public async Task<Invoice> VoidAndReissue(long number, string reason, CancellationToken cancellation)
    {
        await _oneRun.WaitAsync(cancellation);
        try
        {
            return await Task.Run(() => Cycle().VoidAndReissue(number, reason), cancellation);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private BillingCycle Cycle() => new(data.DataDirectory, new LedgerJournalSource(data.Ledger), data.Clock, BillingRules.Default, TaxTable.Default, data.Provider);
}
