using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>Phone Lines (seed 004, IP Centrex › Phone Lines).</summary>
public sealed class IndexModel(LineQueries lines, CustomerScope scope) : PageModel
{
    public IReadOnlyList<LineQueries.LineRow> Lines { get; private set; } = [];

    public string Currency => scope.Customer.Currency;

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<LineQueries.LineRow> Sorting { get; } = new("id", defaultDescending: false,
    [
        ("id", l => l.Account.Id), ("extension", l => l.Account.Extension), ("idle", l => l.IdleDays), ("funds", l => l.AvailableFunds.Value),
        ("type", l => l.Account.Type.ToString()), ("product", l => l.Product), ("site", l => l.Site), ("forwarding", l => l.Account.Forwarding.IsOn),
        ("sip", l => l.Registered),
    ]);

    /// <summary>The page of lines shown, in the URL's order.</summary>
    public Paged<LineQueries.LineRow> Result => field ??= Sorting.Page(Request.Query, Lines);

    public async Task OnGetAsync() => Lines = await lines.AllAsync();
}
