using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>An issued invoice as the store keeps it: its header and totals.</summary>
/// <param name="Number">Invoice number.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Period">The billing month.</param>
/// <param name="IssuedOn">Invoice date.</param>
/// <param name="DueOn">Due date.</param>
/// <param name="PreviousBalance">Balance before the period.</param>
/// <param name="Total">This period's charges with taxes.</param>
/// <param name="ClosingBalance">Balance after the invoice.</param>
/// <param name="AmountDue">The closing balance rounded half up to the cent.</param>
/// <param name="Prepaid">Whether it is a statement of prepaid accounts.</param>
/// <param name="Void">Whether it was voided.</param>
/// <param name="Replaces">The voided invoice it reissues, if any.</param>
/// <param name="Currency">
/// The currency (ISO 4217) its amounts are mills of: the customer's when the invoice was written. Null for invoices
/// issued before the store recorded it (billing schema migration 5).
/// </param>
public sealed record IssuedInvoice(long Number, string CustomerId, YearMonth Period, LocalDate IssuedOn, LocalDate DueOn, Mills PreviousBalance, Mills Total, Mills ClosingBalance, Mills AmountDue, bool Prepaid, bool Void, long? Replaces, string? Currency = null)
{
    /// <summary>
    /// The currency to show its amounts in: its own, so that a customer whose currency changes still sees older invoices
    /// as they were issued; for an invoice issued before the store recorded currencies, <paramref name="current"/> (the
    /// customer's currency now), as was shown before.
    /// </summary>
    public string CurrencyOr(string current) => Currency ?? current;
}
