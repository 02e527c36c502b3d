using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Subscriptions;

/// <summary>
/// One thing charged on an invoice other than calls: a month (or part of one) of a subscription, a 911 fee, a setup or
/// one-off fee, or an adjustment of one of those billed on an earlier invoice.
/// </summary>
/// <param name="AccountId">The account, or null for a customer-wide fee (a wire transfer's processing fee).</param>
/// <param name="SubscriptionId">The subscription (null for the 911 fee and one-off fees).</param>
/// <param name="Description">What the invoice says: the plan's name, or the fee.</param>
/// <param name="Kind">Why it was charged.</param>
/// <param name="PostedOn">The day it was (or should have been) charged.</param>
/// <param name="ServiceFrom">First day of service paid for.</param>
/// <param name="ServiceTo">Last day of service paid for.</param>
/// <param name="MonthlyFee">The full monthly fee (the fee itself for one-off fees).</param>
/// <param name="Days">Days paid for.</param>
/// <param name="DaysInMonth">Days in that month.</param>
/// <param name="Amount">What this invoice charges for it (an adjustment: the difference; negative is a credit).</param>
/// <param name="Key">
/// What it pays for, the same on every invoice that charges or corrects it (<c>sub:ID:YYYY-MM</c>, <c>911:ACCOUNT:YYYY-MM</c>,
/// <c>setup:ID</c>, <c>fee:ID</c>, <c>wire:PAYMENT</c>): billing sums what was billed under a key to charge only the difference.
/// </param>
/// <param name="Corrects">For an adjustment, the earlier invoice it corrects; null for a charge made for the first time.</param>
/// <param name="Previously">For an adjustment, what earlier invoices charged for the key in all.</param>
public sealed record SubscriptionCharge(
    string? AccountId,
    string? SubscriptionId,
    string Description,
    SubscriptionChargeKind Kind,
    LocalDate PostedOn,
    LocalDate ServiceFrom,
    LocalDate ServiceTo,
    Mills MonthlyFee,
    int Days,
    int DaysInMonth,
    Mills Amount,
    string Key = "",
    long? Corrects = null,
    Mills Previously = default)
{
    /// <summary>Whether it covers a whole month.</summary>
    public bool IsFullMonth => Days == DaysInMonth;

    /// <summary>Whether it corrects an amount billed on an earlier invoice (an adjustment line).</summary>
    public bool IsAdjustment => Corrects is not null;

    /// <summary>Whether it is a one-off fee (setup, porting, number setup, wire transfer processing).</summary>
    public bool IsFee => Kind is SubscriptionChargeKind.SetupFee or SubscriptionChargeKind.OneOffFee or SubscriptionChargeKind.WireTransferFee;
}
