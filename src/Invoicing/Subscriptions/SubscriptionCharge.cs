using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Subscriptions;

/// <summary>One fee charged in advance for a stretch of service within one month.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="SubscriptionId">The subscription (null for the 911 fee).</param>
/// <param name="Description">What the invoice says: the plan's name, or the 911 fee.</param>
/// <param name="Kind">Why it was charged.</param>
/// <param name="PostedOn">The day it was charged.</param>
/// <param name="ServiceFrom">First day of service paid for.</param>
/// <param name="ServiceTo">Last day of service paid for.</param>
/// <param name="MonthlyFee">The full monthly fee (for an upgrade, the difference between the plans).</param>
/// <param name="Days">Days paid for.</param>
/// <param name="DaysInMonth">Days in that month.</param>
/// <param name="Amount">The fee, prorated half up to the mill.</param>
public sealed record SubscriptionCharge(
    string AccountId,
    string? SubscriptionId,
    string Description,
    SubscriptionChargeKind Kind,
    LocalDate PostedOn,
    LocalDate ServiceFrom,
    LocalDate ServiceTo,
    Mills MonthlyFee,
    int Days,
    int DaysInMonth,
    Mills Amount)
{
    /// <summary>Whether it covers a whole month.</summary>
    public bool IsFullMonth => Days == DaysInMonth;
}
