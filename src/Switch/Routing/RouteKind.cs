namespace Centrex.Switch.Routing;

/// <summary>Where the dial plan sends a call.</summary>
internal enum RouteKind : byte
{
    /// <summary>Nothing matched, or no trunk to send it to: 404.</summary>
    NotFound,

    /// <summary>A feature code (seed 000: *72, *73, *97, *98...).</summary>
    Feature,

    /// <summary>An account of ours (extension, abbreviated number naming an account, or an on-net DID).</summary>
    Account,

    /// <summary>An E.164 number out through the customer's trunk.</summary>
    Trunk,

    /// <summary>An emergency number, dialed as is, out through the emergency trunk (no trunk: refused 503).</summary>
    Emergency,

    /// <summary>A hunt group's number (seed 004 Huntgroups): its members ring by its sequence.</summary>
    HuntGroup,

    /// <summary>The release prefix and a slot (seed 004): the call parked in that slot is taken (Number: the slot).</summary>
    ParkRelease,

    /// <summary><c>**</c> and an extension: the call ringing that extension is answered by the caller (directed pickup).</summary>
    DirectedPickup,

    /// <summary>
    /// The customer's group pickup prefix (seed 004: <c>*77</c>), alone (Number null: the caller's primary group) or
    /// followed by a hunt group's number: a call ringing a member of that group is answered by the caller.
    /// </summary>
    GroupPickup,
}
