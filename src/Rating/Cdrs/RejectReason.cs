namespace Centrex.Rating.Cdrs;

/// <summary>
/// Why a CDR was not rated. Values are persisted and the wire names are a file contract: only ever add.
/// </summary>
public enum RejectReason : byte
{
    /// <summary>Wrong column count, broken quoting, invalid UTF-8, empty id, bad callee, bad start or bad duration.</summary>
    Malformed = 0,

    /// <summary>The id already appeared on an earlier well-formed row.</summary>
    Duplicate = 1,

    /// <summary>No tariff prefix may price the callee.</summary>
    NoRate = 2,
}
