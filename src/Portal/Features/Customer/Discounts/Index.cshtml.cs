using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Discounts;

/// <summary>
/// Volume Discounts (seed 004): see <see cref="DiscountQueries"/>. Each plan has a usage table and a history table; the
/// URL's <c>usage_sort</c> and <c>history_sort</c> sort those of every plan alike (a plan's tables are short: one row
/// per line, and per line and month), so they are sorted, not paged.
/// </summary>
public sealed class IndexModel(DiscountQueries discounts, CustomerScope scope) : PageModel
{
    public DiscountQueries.Result Result { get; private set; } = null!;

    public string Currency => scope.Customer.Currency;

    /// <summary>The usage tables' sortable columns; by line by default.</summary>
    public static TableSort<DiscountQueries.LineUsage> UsageSorting { get; } = new("line", defaultDescending: false,
    [
        ("line", l => l.Line), ("used", l => l.Used), ("remaining", l => l.Remaining), ("progress", l => l.Percent), ("discount", l => l.BasisPoints),
    ], "usage_");

    /// <summary>The history tables' sortable columns; the latest month first by default.</summary>
    public static TableSort<DiscountQueries.HistoryRow> HistorySorting { get; } = new("month", defaultDescending: true,
    [
        ("month", h => h.Period), ("line", h => h.Line), ("used", h => h.Used), ("discount", h => h.BasisPoints),
    ], "history_");

    /// <summary>The usage tables' order.</summary>
    public Paging Usage { get; private set; } = null!;

    /// <summary>The history tables' order.</summary>
    public Paging History { get; private set; } = null!;

    public async Task OnGet()
    {
        (Usage, History) = (UsageSorting.Read(Request.Query), HistorySorting.Read(Request.Query));
        Result = await discounts.Current();
    }

    /// <summary>A plan's lines in the URL's order.</summary>
    public IReadOnlyList<DiscountQueries.LineUsage> LinesOf(DiscountQueries.PlanView plan) => UsageSorting.Sort(plan?.Lines ?? [], Usage);

    /// <summary>A plan's history in the URL's order.</summary>
    public IReadOnlyList<DiscountQueries.HistoryRow> HistoryOf(DiscountQueries.PlanView plan) => HistorySorting.Sort(plan?.History ?? [], History);
}
