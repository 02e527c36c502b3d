using Centrex.Invoicing.Transactions;
using Centrex.Portal.Features.Shared;
using Centrex.Rating.Money;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// The totals-per-service table of the Transactions page and the Billing Summary (seed 004: "Transactions Totals"),
/// sortable like every list of the portal. At most one row per service (nine), but which service costs most is what a
/// customer reads it for, so amounts and counts sort too. The service column sorts in billing's service order
/// (<see cref="TransactionReport.Services"/>: calls, subscriptions, fees, …), the table's default, not alphabetically.
/// </summary>
public static class ServiceTotals
{
    /// <summary>The table's sortable columns, under <paramref name="prefix"/> (a second table on the page).</summary>
    public static TableSort<(string Service, int Transactions, long Quantity, Mills Amount)> Sorting(string prefix) => new("service", defaultDescending: false,
    [
        ("service", t => Order(t.Service)), ("transactions", t => t.Transactions), ("quantity", t => t.Quantity), ("amount", t => t.Amount.Value),
    ], prefix);

    private static int Order(string service)
    {
        for (var i = 0; i < TransactionReport.Services.Count; i++)
        {
            if (TransactionReport.Services[i] == service)
            {
                return i;
            }
        }

        return TransactionReport.Services.Count;
    }
}
