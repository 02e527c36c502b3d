namespace Centrex.Switch.Partitions;

/// <summary>What the router found out about a request that its partition must know (it travels in the slot).</summary>
[Flags]
internal enum RouteMark : byte
{
    None = 0,

    /// <summary>
    /// A new INVITE to an emergency number: its server transaction's To tag is an emergency one
    /// (<see cref="PartitionTokens.EmergencyTag"/>), so the in-dialog requests of the call are known as the emergency
    /// call's by the router.
    /// </summary>
    Emergency = 1,

    /// <summary>
    /// An emergency INVITE from a source the authentication defences hold back (blocked, or slowed past its allowance):
    /// it is placed without its credentials being looked at, so it tells a guesser nothing
    /// (B2bua.Authentication, README "Emergency calls from a blocked address").
    /// </summary>
    Unchecked = 2,
}
