namespace Centrex.Switch.Calls;

/// <summary>What a fork's leg rings.</summary>
internal enum RingTargetKind : byte
{
    /// <summary>A registered line of the customer.</summary>
    Account,

    /// <summary>An external number through the paying line's trunk: a forwarded call.</summary>
    External,

    /// <summary>A SIP URI (seed 004 advanced forwarding), reached directly.</summary>
    Uri,
}
