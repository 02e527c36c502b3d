namespace Centrex.Invoicing.Ledger;

/// <summary>
/// What moved a balance (issue 3: "Every balance movement ... is a transaction in a ledger"). Persisted by wire name
/// (<see cref="LedgerKinds"/>): never rename, only add.
/// </summary>
public enum LedgerKind
{
    /// <summary>Call charges of one account for the period (the sum of its rated CDRs' charges).</summary>
    Calls,

    /// <summary>Volume discounts given at rating time (negative).</summary>
    VolumeDiscount,

    /// <summary>A subscription fee.</summary>
    Subscription,

    /// <summary>The 911 cost recovery fee.</summary>
    Emergency911,

    /// <summary>Free North America minutes credited back (negative).</summary>
    FreeMinutesCredit,

    /// <summary>A sales tax.</summary>
    Tax,

    /// <summary>Money received (negative).</summary>
    Payment,

    /// <summary>Money refunded (positive).</summary>
    Refund,

    /// <summary>The reversal of a voided invoice's entry.</summary>
    Reversal,

    /// <summary>A one-off fee: a product's setup fee, porting, number setup, a wire transfer's processing fee (issue 17).</summary>
    Fee,

    /// <summary>
    /// A correction of a charge billed on an earlier invoice, which stays as issued: a credit or a debit with a reference to
    /// the invoice it corrects (issue 17).
    /// </summary>
    Adjustment,
}
