namespace Centrex.Cli;

/// <summary>
/// What <c>invoice list</c> looks for (self-care manual, Invoices: "A particular invoice can be found either by entering
/// its number or by selecting a date range"); void invoices are always listed, marked.
/// </summary>
/// <param name="Number">Only this invoice number.</param>
/// <param name="From">Only invoices dated on or after this day (text as given).</param>
/// <param name="To">Only invoices dated on or before this day (text as given).</param>
internal sealed record InvoiceSearch(long? Number, string? From, string? To);
