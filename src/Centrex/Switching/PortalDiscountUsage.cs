using Centrex.Ledger;
using Centrex.Portal.Data;
using Centrex.RatingRun;

namespace Centrex.Switching;

/// <summary>
/// The portal's view of serve's volume discount counters: read on the ledger's writer thread, where ingestion and the
/// switch advance them (<see cref="RatingDiscounts"/> is that thread's alone), so a page waits behind the calls being
/// charged and never sees a counter half-written; nothing is added to the charging path.
/// </summary>
internal sealed class PortalDiscountUsage(RatingDiscounts discounts, LedgerWriterThread writer) : IDiscountUsage
{
    public async Task<IReadOnlyList<DiscountUsage>> Of(IReadOnlyCollection<string> accounts)
    {
        var usage = await writer.Submit(_ => discounts.Usage(accounts));
        return [.. usage.Select(u => new DiscountUsage(u.Account, u.PlanId, u.Counter.Period, u.Counter.Used))];
    }
}
