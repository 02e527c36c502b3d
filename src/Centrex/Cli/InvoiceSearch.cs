using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// What <c>invoice list</c> looks for (self-care manual, Invoices: "A particular invoice can be found either by entering
/// its number or by selecting a date range"); void invoices are always listed, marked.
/// </summary>
/// <param name="Number">Only this invoice number.</param>
/// <param name="From">Only invoices dated on or after this day.</param>
/// <param name="To">Only invoices dated on or before this day.</param>
internal sealed record InvoiceSearch(long? Number, LocalDate? From, LocalDate? To);
