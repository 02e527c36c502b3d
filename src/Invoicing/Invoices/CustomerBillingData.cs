using Centrex.Provisioning.Model;

namespace Centrex.Invoicing.Invoices;

/// <summary>What provisioning knows about one customer, gathered for billing.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Accounts">Its accounts.</param>
/// <param name="Subscriptions">Its accounts' subscriptions.</param>
/// <param name="Payments">Its payments and refunds.</param>
public sealed record CustomerBillingData(Customer Customer, IReadOnlyList<Account> Accounts, IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<Payment> Payments)
{
    /// <summary>Its accounts' one-off fees.</summary>
    public IReadOnlyList<OneOffFee> Fees { get; init; } = [];

    /// <summary>Groups a provisioning snapshot by customer, in customer id order.</summary>
    public static IReadOnlyList<CustomerBillingData> From(ProvisioningSnapshot snapshot)
    {
        var accounts = snapshot.Accounts.ToLookup(a => a.CustomerId, StringComparer.Ordinal);
        var accountOwner = snapshot.Accounts.ToDictionary(a => a.Id, a => a.CustomerId, StringComparer.Ordinal);
        var subscriptions = snapshot.Subscriptions.ToLookup(s => accountOwner[s.AccountId], StringComparer.Ordinal);
        var payments = snapshot.Payments.ToLookup(p => p.CustomerId, StringComparer.Ordinal);
        var fees = snapshot.Fees.ToLookup(f => accountOwner[f.AccountId], StringComparer.Ordinal);
        return [.. snapshot.Customers.OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new CustomerBillingData(c, [.. accounts[c.Id]], [.. subscriptions[c.Id]], [.. payments[c.Id]]) { Fees = [.. fees[c.Id]] })];
    }
}
