using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>Phone Lines (seed 004, IP Centrex › Phone Lines).</summary>
public sealed class IndexModel(LineQueries lines, CustomerScope scope) : PageModel
{
    public IReadOnlyList<LineQueries.LineRow> Lines { get; private set; } = [];

    public string Currency => scope.Customer.Currency;

    public async Task OnGetAsync() => Lines = await lines.AllAsync();
}
