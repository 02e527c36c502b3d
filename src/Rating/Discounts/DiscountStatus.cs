using NodaTime;

namespace Centrex.Rating.Discounts;

/// <summary>
/// Used and remaining volume of one plan for one account (self-care manual, Volume Discounts: "Used / Remaining").
/// Units are the plan's: seconds for minutes plans, mills for money plans.
/// </summary>
/// <param name="Plan">The plan.</param>
/// <param name="Period">The counting period.</param>
/// <param name="Used">Usage so far this period.</param>
/// <param name="CurrentBasisPoints">The discount the next unit of usage gets.</param>
/// <param name="NextThreshold">The next threshold, or null above the last one.</param>
/// <param name="Remaining">Usage left until <paramref name="NextThreshold"/>, or null above the last one.</param>
public sealed record DiscountStatus(DiscountPlan Plan, YearMonth Period, long Used, int CurrentBasisPoints, long? NextThreshold, long? Remaining);
