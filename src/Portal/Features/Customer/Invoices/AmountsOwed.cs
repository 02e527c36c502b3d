using Centrex.Invoicing.Invoices;
using Centrex.Portal.Api;
using Centrex.Portal.Localization;
using Centrex.Rating.Money;

namespace Centrex.Portal.Features.Customer.Invoices;

/// <summary>
/// What a customer's invoices owe, by currency. Each invoice owes in the currency it was issued in
/// (<see cref="Invoicing.Invoices.IssuedInvoice.CurrencyOr"/>), so after a change of the customer's currency the older
/// invoices still owe in the old one: a single sum added dollars to yen and showed it in the new currency. The Dashboard,
/// Make a Payment and the Billing Summary, and their API answers, all read the amounts from here.
/// </summary>
public static class AmountsOwed
{
    /// <summary>
    /// The outstanding amount in each currency <paramref name="states"/> owe in (void invoices left out), currencies in
    /// code order; none when nothing is owed. <paramref name="currency"/> is the customer's, taken for invoices issued
    /// before invoices recorded theirs.
    /// </summary>
    public static IReadOnlyList<MoneyText> Of(IEnumerable<InvoicePaymentState> states, string currency) =>
        [.. states.Where(s => !s.Invoice.Void)
            .GroupBy(s => s.Invoice.CurrencyOr(currency), StringComparer.Ordinal)
            .Select(g => new MoneyText(g.Aggregate(Mills.Zero, (sum, s) => sum + s.Outstanding), g.Key))
            .Where(o => o.Value != Mills.Zero)
            .OrderBy(o => o.Currency, StringComparer.Ordinal)];

    /// <summary>What is owed in <paramref name="currency"/> alone (zero when nothing is).</summary>
    public static Mills In(IReadOnlyList<MoneyText> owed, string currency) =>
        owed.FirstOrDefault(o => string.Equals(o.Currency, currency, StringComparison.Ordinal))?.Value ?? Mills.Zero;

    /// <summary>The amounts as the pages show them (<c>0.14 CAD · 1,200 JPY</c>); zero in <paramref name="currency"/> when nothing is owed.</summary>
    public static string Show(IReadOnlyList<MoneyText> owed, string currency) =>
        owed.Count == 0 ? Display.Show.Money(Mills.Zero, currency) : string.Join(" \u00b7 ", owed.Select(o => Display.Show.Money(o.Value, o.Currency)));

    /// <summary>The amounts as the API gives them: each currency with its amount as a decimal and in mills.</summary>
    public static IEnumerable<object> Json(IReadOnlyList<MoneyText> owed) =>
        owed.Select(o => new { currency = o.Currency, amount = ApiResults.Decimal(o.Value), amount_mills = o.Value.Value });
}
