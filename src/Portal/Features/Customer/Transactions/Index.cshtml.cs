using Centrex.Invoicing.Transactions;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// Transactions (seed 004: payments, subscription charges, refunds, calls by service; a date range and a service; totals;
/// CSV download): billing's own transaction list (<c>centrex transactions</c>), the calls read from the call-log index.
/// </summary>
public sealed class IndexModel(CustomerScope scope, TransactionQueries transactions) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public string? Service { get; private set; }

    public string Currency => scope.Customer.Currency;

    public IReadOnlyList<(string Service, int Transactions, long Quantity, Mills Amount)> Totals { get; private set; } = [];

    /// <summary>The totals table's sortable columns (<c>totals_sort</c>, beside the details' <c>sort</c>).</summary>
    public static TableSort<(string Service, int Transactions, long Quantity, Mills Amount)> TotalsSorting { get; } = ServiceTotals.Sorting("totals_");

    /// <summary>The totals in the URL's order.</summary>
    public Paged<(string Service, int Transactions, long Quantity, Mills Amount)> TotalsShown => field ??= TotalsSorting.Page(Request.Query, Totals);

    public Paged<Transaction> Result { get; private set; } = null!;

    /// <summary>The details table's sortable columns (the CSV keeps billing's own order).</summary>
    public static TableSort<Transaction> Sorting { get; } = new("date", defaultDescending: false,
    [
        ("date", t => t.Date), ("service", t => t.Service), ("line", t => t.Account), ("description", t => t.Description),
        ("invoice", t => t.Invoice), ("amount", t => t.Amount.Value),
    ]) { DeepestRow = Calls.CallQueries.DeepestSortedRow, IndexedColumns = ["date", "service", "invoice"] }; // calls in start order: TransactionPager.CallOrder

    public async Task<IActionResult> OnGet()
    {
        var download = Request.Query["csv"] == "1";
        var filter = transactions.Read(Request.Query, download, Errors);
        Service = filter.Service;
        (FromText, ToText) = (Display.Show.IsoDate(filter.From), Display.Show.IsoDate(filter.To));
        var paging = Sorting.Read(Request.Query);
        _ = TotalsSorting.Read(Request.Query); // a bad totals_sort is refused before any work, like sort
        if (Errors.Count > 0)
        {
            Result = new Paged<Transaction>([], 0, paging);
            return Page();
        }

        if (download)
        {
            // Streamed row by row, for any period (TransactionQueries.WriteCsv).
            await transactions.WriteCsv(HttpContext, filter);
            return new EmptyResult();
        }

        (Totals, Result) = transactions.Page(filter, paging);
        return Page();
    }
}
