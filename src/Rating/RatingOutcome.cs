namespace Centrex.Rating;

/// <summary>What the rating kernel made of one call.</summary>
public enum RatingOutcome : byte
{
    /// <summary>Priced.</summary>
    Rated = 0,

    /// <summary>The callee does not normalize to an E.164 number.</summary>
    BadCallee = 1,

    /// <summary>The duration is outside 0 to 86,400 seconds.</summary>
    BadDuration = 2,

    /// <summary>No tariff prefix may price the number.</summary>
    NoRate = 3,
}
