namespace Centrex.Rating.Discounts;

/// <summary>
/// What a volume discount plan's thresholds count (self-care manual, Volume Discounts: "Used / Remaining ... in minutes
/// or funds"). The numeric values are persisted: they may only ever grow.
/// </summary>
public enum DiscountBasis : byte
{
    /// <summary>Billed seconds of the calls in the destination group; thresholds are given in whole minutes.</summary>
    Minutes = 0,

    /// <summary>The gross charge (before any discount) of the calls in the destination group, in mills.</summary>
    Money = 1,
}
