using Centrex.Invoicing.Invoices;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Features.Customer.Subscriptions;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Billing;

/// <summary>
/// Billing Summary (seed 004: "five information windows": Brief Billing Information, Transactions Totals this month,
/// Invoices Information — balance due, last invoice due date and amount, overdue balance, last payment received —,
/// Active Subscriptions and Volume Discounts), each from the same queries as its own page.
/// </summary>
public sealed class SummaryModel(CustomerScope scope, PortalData data, InvoiceQueries invoices, SubscriptionQueries subscriptions, Transactions.TransactionQueries transactions) : PageModel
{
    public string Currency => scope.Customer.Currency;

    public CustomerBalance Money { get; private set; } = null!;

    public IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals { get; private set; } = [];

    public LocalDate MonthStart { get; private set; }

    /// <summary>The totals table's sortable columns (the Transactions page's, <see cref="Transactions.ServiceTotals"/>).</summary>
    public static Features.Shared.TableSort<(string Service, int Transactions, long Quantity, Mills Amount)> Sorting { get; } = Transactions.ServiceTotals.Sorting(string.Empty);

    /// <summary>The totals in the URL's order.</summary>
    public Features.Shared.Paged<(string Service, int Transactions, long Quantity, Mills Amount)> TotalsShown { get; private set; } = null!;

    /// <summary>What the standing invoices still owe, per currency they were issued in (a sum of dollars and yen is no amount).</summary>
    public string BalanceDue { get; private set; } = string.Empty;

    /// <summary>What the overdue invoices still owe, per currency they were issued in.</summary>
    public string OverdueBalance { get; private set; } = string.Empty;

    public IssuedInvoice? LastInvoice { get; private set; }

    public Payment? LastPayment { get; private set; }

    public IReadOnlyList<SubscriptionQueries.Row> Subscriptions { get; private set; } = [];

    public IReadOnlyList<string> DiscountPlans { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var view = scope.View;
        Money = await scope.MoneyAsync();
        var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
        MonthStart = today.With(DateAdjusters.StartOfMonth);
        Totals = transactions.Totals(new Transactions.TransactionQueries.Filter(MonthStart, today, null));
        TotalsShown = Sorting.Page(Request.Query, Totals);
        var states = invoices.All().Where(s => !s.Invoice.Void).ToList();
        BalanceDue = Owed(states);
        OverdueBalance = Owed(states.Where(s => s.Status == InvoiceStatus.Overdue));
        LastInvoice = states.FirstOrDefault()?.Invoice;
        LastPayment = view.Payments.Where(p => p.Kind == PaymentKind.Payment).OrderByDescending(p => p.Received).ThenByDescending(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        Subscriptions = [.. subscriptions.Current().Where(s => !s.Pending)];
        var plans = data.Provisioning.Current.Snapshot.DiscountPlans.ToDictionary(p => p.Id, p => p.Plan.Name, StringComparer.Ordinal);
        DiscountPlans = [.. view.Accounts.SelectMany(a => a.DiscountPlans).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => plans.GetValueOrDefault(id, id))];
    }

    private string Owed(IEnumerable<InvoicePaymentState> states) => AmountsOwed.Show(AmountsOwed.Of(states, Currency), Currency);
}
