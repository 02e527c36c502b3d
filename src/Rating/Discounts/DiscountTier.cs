namespace Centrex.Rating.Discounts;

/// <summary>
/// One step of a volume discount plan: above <see cref="Threshold"/> (in the plan's unit: seconds for a minutes plan,
/// mills for a money plan) the usage gets <see cref="BasisPoints"/> hundredths of a percent off, until the next tier's
/// threshold.
/// </summary>
/// <param name="Threshold">Usage this tier starts at, in seconds (minutes plans) or mills (money plans); 0 or more.</param>
/// <param name="BasisPoints">Discount in hundredths of a percent: 1,000 is 10%, 10,000 is 100%.</param>
public readonly record struct DiscountTier(long Threshold, int BasisPoints)
{
    /// <summary>Basis points in 100%.</summary>
    public const int Whole = 10_000;
}
