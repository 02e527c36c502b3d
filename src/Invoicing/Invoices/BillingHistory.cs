using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>A customer's billing before the invoice being built: what was charged under each key, and its invoice of each month.</summary>
/// <param name="Billed">Net amounts charged by key, with the invoice that last charged each.</param>
/// <param name="Invoices">The customer's standing (non-void) invoice of each period.</param>
/// <param name="BillingStart">
/// The first day of the first period the store ever billed: charges that fell due before it are taken as settled before
/// Centrex billed (an opening balance is entered as a payment or a fee), so a store's first run does not charge the months
/// of subscriptions that began long before. A subscription entered late is charged only from then on.
/// </param>
public sealed record BillingHistory(IReadOnlyDictionary<string, BilledCharge> Billed, IReadOnlyDictionary<YearMonth, long> Invoices, LocalDate BillingStart)
{
    /// <summary>
    /// Payments and refunds already on a standing invoice (by id): one entered after the month it was received was
    /// invoiced goes on the next invoice instead of being lost.
    /// </summary>
    public IReadOnlySet<string> InvoicedPayments { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The customer's standing invoice of <paramref name="period"/>, if any.</summary>
    public long? InvoiceOf(YearMonth period) => Invoices.TryGetValue(period, out var number) ? number : null;
}
