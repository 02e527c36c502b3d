namespace Centrex.Invoicing.Subscriptions;

/// <summary>Why a subscription fee was charged.</summary>
public enum SubscriptionChargeKind
{
    /// <summary>A new service: the rest of its first month (and all of the next when added on day 20 or later).</summary>
    Activation,

    /// <summary>The regular charge on the 27th for the following month.</summary>
    Regular,

    /// <summary>
    /// A changed service (a plan that replaces another mid-month): the new plan's days, charged at once like a new
    /// service; the plan it replaces is credited for the same days, so the customer pays the difference.
    /// </summary>
    Upgrade,

    /// <summary>The 911 cost recovery fee, never prorated.</summary>
    Emergency911,

    /// <summary>A product's one-off activation fee.</summary>
    SetupFee,

    /// <summary>A one-off fee entered by the operator (porting, number setup, other).</summary>
    OneOffFee,

    /// <summary>The processing fee of a wire/bank transfer payment (seed 001: "a $15.00 processing fee").</summary>
    WireTransferFee,
}
