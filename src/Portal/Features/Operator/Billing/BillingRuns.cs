using Centrex.Invoicing;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Taxes;
using Centrex.Portal.Data;
using Centrex.Provisioning;
using Centrex.Rating.Money;
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

    /// <summary>A billed month.</summary>
    public sealed record PeriodRow(string Period, int Invoices, int Void, Mills Total);

    /// <summary>The months billed, latest first.</summary>
    public IReadOnlyList<PeriodRow> Periods()
    {
        var invoices = data.Billing.Read(b => b.Invoices());
        return [.. invoices.GroupBy(i => i.Period).OrderByDescending(g => g.Key)
            .Select(g => new PeriodRow(YearMonthPattern.Iso.Format(g.Key), g.Count(), g.Count(i => i.Void), g.Where(i => !i.Void).Aggregate(Mills.Zero, (s, i) => s + i.Total)))];
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
