using Centrex.Switch.Provisioning;
using NodaTime;

namespace Centrex.Switch.CallFlows.Async;

/// <summary>
/// The call's details a node's network work may use, copied on the partition's thread before the work leaves it (the
/// work never reads the call itself: another thread owns it).
/// </summary>
/// <param name="CallId">The switch's id for the call.</param>
/// <param name="SipCallId">The Call-ID of the caller's leg.</param>
/// <param name="Caller">The calling number as the flow shows it now (after any Change prefix/suffix).</param>
/// <param name="Called">The number as dialed.</param>
/// <param name="Did">The number the flow answered (E.164 digits when it is a DID), or the dialed extension.</param>
/// <param name="CustomerId">The flow's customer.</param>
/// <param name="Line">The line the flow answers for, if any.</param>
/// <param name="Time">When the node was entered, on the switch's clock.</param>
/// <param name="Directory">The directory snapshot the call started with (to check an account found in the CDRs).</param>
public sealed record FlowCall(string CallId, string SipCallId, string Caller, string Called, string Did, string CustomerId, string? Line, Instant Time,
    ISwitchDirectory Directory);
