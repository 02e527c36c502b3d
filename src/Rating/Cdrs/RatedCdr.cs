using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// A rated call as the rest of the system sees it (journal, invoices, xDR reports): immutable, allocated at the
/// edges only, never on the rating hot path.
/// </summary>
/// <param name="Id">The CDR's unique id.</param>
/// <param name="Account">The account billed.</param>
/// <param name="Caller">The calling number as recorded.</param>
/// <param name="Callee">The callee normalized to E.164 digits.</param>
/// <param name="Start">When the call started.</param>
/// <param name="DurationSeconds">Billable seconds as recorded.</param>
/// <param name="BilledSeconds">Seconds billed after the tariff's increments.</param>
/// <param name="Class">How the callee is billed.</param>
/// <param name="Prefix">The tariff prefix that priced the call.</param>
/// <param name="Destination">The tariff destination name.</param>
/// <param name="Charge">The charge before any volume discount, rounded up to the mill.</param>
/// <param name="Discount">The volume discount applied to this call at rating time (0 when none).</param>
public sealed record RatedCdr(
    string Id,
    string Account,
    string Caller,
    string Callee,
    Instant Start,
    int DurationSeconds,
    long BilledSeconds,
    NumberClass Class,
    string Prefix,
    string Destination,
    Mills Charge,
    Mills Discount)
{
    /// <summary>What the call costs the account: the charge less its discount.</summary>
    public Mills Net => Charge - Discount;
}
