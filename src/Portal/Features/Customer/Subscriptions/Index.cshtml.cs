using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Subscriptions;

/// <summary>Subscriptions (seed 004): see <see cref="SubscriptionQueries"/>; pending rows are shown last, in grey.</summary>
public sealed class IndexModel(SubscriptionQueries subscriptions, CustomerScope scope) : PageModel
{
    public IReadOnlyList<SubscriptionQueries.Row> Rows { get; private set; } = [];

    public string Currency => scope.Customer.Currency;

    public void OnGet() => Rows = subscriptions.Current();
}
