namespace Centrex.Switch.Admission;

/// <summary>Which way a call crosses the site boundary (seed 004, Sites page: incoming and outgoing limits).</summary>
public enum CallDirection : byte
{
    /// <summary>Placed by an account of the site (counts toward the site's outgoing limits).</summary>
    Outgoing = 1,

    /// <summary>Received by an account of the site (counts toward the site's incoming limits).</summary>
    Incoming = 2,
}
