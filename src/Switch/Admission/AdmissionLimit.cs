namespace Centrex.Switch.Admission;

/// <summary>The site limit a call was refused by (seed 004, Sites page, one value per field of that page).</summary>
public enum AdmissionLimit : byte
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>Max Number of Simultaneous Calls.</summary>
    Calls = 1,

    /// <summary>Max Number of Incoming Calls.</summary>
    IncomingCalls = 2,

    /// <summary>Max Number of Outgoing Calls.</summary>
    OutgoingCalls = 3,

    /// <summary>Max Number of Forwarded Calls.</summary>
    ForwardedCalls = 4,

    /// <summary>Max Bandwidth.</summary>
    Bandwidth = 5,

    /// <summary>Max Incoming Bandwidth.</summary>
    IncomingBandwidth = 6,

    /// <summary>Max Outgoing Bandwidth.</summary>
    OutgoingBandwidth = 7,
}
