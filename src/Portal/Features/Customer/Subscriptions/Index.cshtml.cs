using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Subscriptions;

/// <summary>Subscriptions (seed 004): see <see cref="SubscriptionQueries"/>; pending rows are shown last, in grey.</summary>
public sealed class IndexModel(SubscriptionQueries subscriptions, CustomerScope scope) : PageModel
{
    public IReadOnlyList<SubscriptionQueries.Row> Rows { get; private set; } = [];

    /// <summary>The table's sortable columns; by default pending rows last (the query's own order).</summary>
    public static TableSort<SubscriptionQueries.Row> Sorting { get; } = new("status", defaultDescending: false,
    [
        ("subscription", s => s.Plan), ("line", s => s.Line), ("fee", s => s.MonthlyFee.Value), ("start", s => s.Start), ("finish", s => s.End), ("status", s => s.Pending),
    ]);

    /// <summary>The page of subscriptions shown, in the URL's order.</summary>
    public Paged<SubscriptionQueries.Row> Result => field ??= Sorting.Page(Request.Query, Rows);

    public string Currency => scope.Customer.Currency;

    public void OnGet() => Rows = subscriptions.Current();
}
