using Centrex.Provisioning.Model;

namespace Centrex.Portal.Data;

/// <summary>One customer's part of provisioning: what its pages may show and change.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Accounts">Its lines, by id.</param>
/// <param name="Subscriptions">Its lines' subscriptions, by id.</param>
/// <param name="Payments">Its payments and refunds, by id.</param>
public sealed record CustomerView(Customer Customer, IReadOnlyList<Account> Accounts, IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<Payment> Payments)
{
    /// <summary>The ids of its lines.</summary>
    public IReadOnlySet<string> AccountIds { get; } = Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
}
