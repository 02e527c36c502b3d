namespace Centrex.Invoicing.Subscriptions;

/// <summary>Why a subscription fee was charged. Persisted by name in the ledger.</summary>
public enum SubscriptionChargeKind
{
    /// <summary>A new service: the rest of its first month (and all of the next when added on day 20 or later).</summary>
    Activation,

    /// <summary>The regular charge on the 27th for the following month.</summary>
    Regular,

    /// <summary>A change to a higher-priced plan: the prorated difference, charged at once.</summary>
    Upgrade,

    /// <summary>The 911 cost recovery fee, never prorated.</summary>
    Emergency911,
}
