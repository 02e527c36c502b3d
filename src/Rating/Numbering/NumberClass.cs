namespace Centrex.Rating.Numbering;

/// <summary>
/// How a normalized number is billed. The numeric values are persisted (journals, stores): they may only ever grow,
/// never be renumbered (a golden test freezes them).
/// </summary>
public enum NumberClass : byte
{
    /// <summary>North American number in the US states or Canada.</summary>
    Domestic = 0,

    /// <summary>NANP number outside the US states and Canada (Caribbean, US territories): billed at international rates.</summary>
    NanpInternational = 1,

    /// <summary>NANP toll-free number (800, 833, 844, 855, 866, 877, 888).</summary>
    TollFree = 2,

    /// <summary>Any number outside country code 1.</summary>
    International = 3,
}
