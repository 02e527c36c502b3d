using Centrex.Invoicing.Invoices;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Customer.Calls;
using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Customer;

/// <summary>
/// The Dashboard (seed 004: "three information windows": Contact Information, Brief Billing Information with balance
/// and credit limit, Recent Calls), plus the amount due of the invoices.
/// </summary>
public sealed class DashboardModel(CustomerScope scope, InvoiceQueries invoices, CallQueries calls) : PageModel
{
    public Provisioning.Model.Customer Customer { get; private set; } = null!;

    public CustomerBalance Money { get; private set; } = null!;

    /// <summary>What the invoices owe, in each currency they were issued in (<see cref="AmountsOwed"/>).</summary>
    public IReadOnlyList<Localization.MoneyText> AmountsDue { get; private set; } = [];

    public IssuedInvoice? LastInvoice { get; private set; }

    public IReadOnlyList<CallRow> RecentCalls { get; private set; } = [];

    /// <summary>
    /// The Recent Calls table's sortable columns, the Call Logs' own: the five latest calls are chosen by time, then
    /// sorted as the URL says (newest first by default).
    /// </summary>
    public static TableSort<CallRow> Sorting { get; } = new("start", defaultDescending: true,
    [
        ("start", c => c.Start), ("line", c => c.Account), ("from", c => c.Caller), ("to", c => c.Callee), ("direction", c => c.Direction),
        ("disposition", c => CallSearch.Label(c.Disposition)), ("duration", c => c.Seconds), ("charge", c => c.Charge?.Value),
    ]);

    /// <summary>The recent calls in the URL's order.</summary>
    public Paged<CallRow> Recent { get; private set; } = null!;

    public DateTimeZone Zone => scope.Zone;

    public async Task OnGetAsync()
    {
        Customer = scope.Customer;
        Money = await scope.MoneyAsync();
        var states = invoices.All();
        AmountsDue = AmountsOwed.Of(states, Customer.Currency);
        LastInvoice = states.FirstOrDefault(s => !s.Invoice.Void)?.Invoice;
        RecentCalls = calls.Recent(5);
        Recent = Sorting.Page(Request.Query, RecentCalls);
    }
}
