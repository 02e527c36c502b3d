namespace Centrex.Rating.Cdrs;

/// <summary>Where a CDR record ended up.</summary>
public enum CdrDisposition : byte
{
    /// <summary>In the rated output.</summary>
    Rated = 0,

    /// <summary>In the rejects output.</summary>
    Rejected = 1,
}
