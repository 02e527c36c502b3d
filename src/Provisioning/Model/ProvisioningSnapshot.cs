namespace Centrex.Provisioning.Model;

/// <summary>
/// Everything provisioned, one list per entity, each sorted by id. The JSON format and the SQLite store both have one
/// section or table per entity, so later entities (sites, extensions, SIP credentials, DIDs, dialing rules, trunks)
/// are added beside these without touching them.
/// </summary>
/// <param name="Customers">Customers.</param>
/// <param name="Accounts">Accounts (phone lines).</param>
/// <param name="Products">Plans.</param>
/// <param name="Subscriptions">Subscriptions.</param>
/// <param name="DiscountPlans">Volume discount plans.</param>
/// <param name="Payments">Payments and refunds.</param>
public sealed record ProvisioningSnapshot(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Product> Products,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<DiscountPlanRecord> DiscountPlans,
    IReadOnlyList<Payment> Payments)
{
    /// <summary>Nothing provisioned.</summary>
    public static ProvisioningSnapshot Empty { get; } = new([], [], [], [], [], []);
}
