namespace Centrex.Provisioning.Model;

/// <summary>
/// Everything provisioned, one list per entity, each sorted by id: the billing side's records and the switch's (issue
/// 4: one store, one format). The switch's per-customer and per-account settings are on <see cref="Customer"/> and
/// <see cref="Account"/>; the JSON format and the SQLite store have one section or table per entity.
/// </summary>
/// <param name="Customers">Customers.</param>
/// <param name="Accounts">Accounts (phone lines).</param>
/// <param name="Products">Plans.</param>
/// <param name="Subscriptions">Subscriptions.</param>
/// <param name="DiscountPlans">Volume discount plans.</param>
/// <param name="Payments">Payments and refunds.</param>
/// <param name="Switch">The switch's realm, digest algorithms and feature codes, or null when not provisioned (defaults).</param>
/// <param name="Sites">Sites and their limits.</param>
/// <param name="Trunks">SIP trunks.</param>
public sealed record ProvisioningSnapshot(
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Product> Products,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<DiscountPlanRecord> DiscountPlans,
    IReadOnlyList<Payment> Payments,
    SwitchSettings? Switch,
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Trunk> Trunks)
{
    /// <summary>Rate centres and their local calling areas, by id.</summary>
    public IReadOnlyList<RateCentre> RateCentres { get; init; } = [];

    /// <summary>One-off fees (porting, number setup, others), by id.</summary>
    public IReadOnlyList<OneOffFee> Fees { get; init; } = [];

    /// <summary>Call flows (seed 003), by id.</summary>
    public IReadOnlyList<CallFlow> CallFlows { get; init; } = [];

    /// <summary>Hunt groups (seed 004), by id.</summary>
    public IReadOnlyList<HuntGroup> HuntGroups { get; init; } = [];

    /// <summary>Nothing provisioned.</summary>
    public static ProvisioningSnapshot Empty { get; } = new([], [], [], [], [], [], null, [], []);

    /// <summary>Whether the switch has anything to serve: an account with SIP credentials.</summary>
    public bool HasSipAccounts => Accounts.Any(a => a.Sip is not null);
}
