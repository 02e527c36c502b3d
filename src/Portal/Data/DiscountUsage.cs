namespace Centrex.Portal.Data;

/// <summary>
/// One line's usage of one volume discount plan in one period, as rating counted it (seed 004, Volume Discounts). Units
/// are the plan's: billed seconds for a minutes plan, gross mills for a money plan.
/// </summary>
/// <param name="Account">The line.</param>
/// <param name="PlanId">The discount plan.</param>
/// <param name="Period">The month, in the customer's time zone.</param>
/// <param name="Used">Usage in that month.</param>
public sealed record DiscountUsage(string Account, string PlanId, NodaTime.YearMonth Period, long Used);
