using NodaTime;

namespace Centrex.Rating.Discounts;

/// <summary>
/// How much of one plan's volume one account has used in one period. Counters reset when the period changes (the
/// manual's "Expiration: the time left for the discount plan counters to be reset").
/// </summary>
/// <param name="Period">The month the usage belongs to, in the customer's time zone.</param>
/// <param name="Used">Usage in the plan's unit: billed seconds or gross mills.</param>
public readonly record struct DiscountCounter(YearMonth Period, long Used);
