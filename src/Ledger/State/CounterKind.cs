namespace Centrex.Ledger.State;

/// <summary>
/// Per-account, per-period counters kept beside the balance, for free-minute bundles and volume discounts (issue 3's
/// billing rules read them). Persisted: values may only ever be added.
/// </summary>
public enum CounterKind : ushort
{
    /// <summary>Rated calls.</summary>
    Calls = 1,

    /// <summary>Billed seconds of all calls.</summary>
    BilledSeconds = 2,

    /// <summary>Billed seconds of domestic-class calls (what free North America minutes cover).</summary>
    DomesticBilledSeconds = 3,

    /// <summary>Net charge of all calls, in mills.</summary>
    NetChargeMills = 4,

    /// <summary>Discounts given, in mills.</summary>
    DiscountMills = 5,
}
