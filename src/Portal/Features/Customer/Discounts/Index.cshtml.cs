using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Discounts;

/// <summary>Volume Discounts (seed 004): see <see cref="DiscountQueries"/>.</summary>
public sealed class IndexModel(DiscountQueries discounts, CustomerScope scope) : PageModel
{
    public DiscountQueries.Result Result { get; private set; } = null!;

    public string Currency => scope.Customer.Currency;

    public async Task OnGet() => Result = await discounts.Current();
}
