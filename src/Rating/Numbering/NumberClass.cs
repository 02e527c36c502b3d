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

    /// <summary>
    /// A domestic number inside the calling account's local calling area (seed 000, "Free Local Calling": "All calling
    /// plans include free local calling the local area or your incoming DID"), priced at its rate centre's rate. Only
    /// given when the operator provisions rate centres (issue 17).
    /// </summary>
    Local = 4,

    /// <summary>
    /// A call received on one of the account's own toll-free DIDs, charged to it at that DID's inbound rate (seed 001:
    /// "free incoming calling with the exception of calling plans using Toll Free DID numbers. Toll Free numbers are
    /// charged according to your service contract"). Only given when the operator provisions inbound rates (issue 17).
    /// </summary>
    TollFreeInbound = 5,
}
