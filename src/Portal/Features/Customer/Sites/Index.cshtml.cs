using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Sites;

/// <summary>Sites (seed 004, Sites: name and the limits of simultaneous calls and bandwidth), read-only: see <see cref="SiteQueries"/>.</summary>
public sealed class IndexModel(SiteQueries sites) : PageModel
{
    public IReadOnlyList<SiteQueries.SiteRow> Sites { get; private set; } = [];

    public void OnGet() => Sites = sites.All();
}
