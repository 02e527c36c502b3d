using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// One line of an invoice as the CSV invoice and the store hold it (README, "CSV invoice"). Sections:
/// <c>previous-balance</c>, <c>payment</c>, <c>refund</c>, <c>subscription</c>, <c>emergency-911</c>, <c>usage</c>,
/// <c>volume-discount</c>, <c>free-minutes-credit</c>, <c>subtotal</c>, <c>tax</c>, <c>total</c>,
/// <c>closing-balance</c>, <c>amount-due</c>.
/// </summary>
/// <param name="Section">Which part of the invoice.</param>
/// <param name="Account">The account it concerns, or null.</param>
/// <param name="Description">Text as printed.</param>
/// <param name="From">Date, or first day of service.</param>
/// <param name="To">Last day of service.</param>
/// <param name="Calls">Number of calls.</param>
/// <param name="BilledSeconds">Billed seconds.</param>
/// <param name="Amount">Signed amount; positive raises what is owed.</param>
public sealed record InvoiceLine(string Section, string? Account, string Description, LocalDate? From, LocalDate? To, int? Calls, long? BilledSeconds, Mills Amount);
