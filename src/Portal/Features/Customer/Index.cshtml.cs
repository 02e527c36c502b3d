using Centrex.Invoicing.Invoices;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Customer.Calls;
using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Security;
using Centrex.Rating.Money;
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

    public Mills AmountDue { get; private set; }

    public IssuedInvoice? LastInvoice { get; private set; }

    public IReadOnlyList<CallRow> RecentCalls { get; private set; } = [];

    public DateTimeZone Zone => scope.Zone;

    public async Task OnGetAsync()
    {
        Customer = scope.Customer;
        Money = await scope.MoneyAsync();
        var states = invoices.All();
        AmountDue = states.Where(s => !s.Invoice.Void).Aggregate(Mills.Zero, (sum, s) => sum + s.Outstanding);
        LastInvoice = states.FirstOrDefault(s => !s.Invoice.Void)?.Invoice;
        RecentCalls = calls.Recent(5);
    }
}
