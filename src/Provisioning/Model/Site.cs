namespace Centrex.Provisioning.Model;

/// <summary>
/// A site (seed 004, "Sites"): a group of a customer's accounts that share call and bandwidth limits. A null limit
/// means no limit. Accounts without a site belong to the Default site (<see cref="DefaultId"/>), which may be
/// provisioned like any other to give it limits.
/// </summary>
/// <param name="Id">Unique id; accounts name it in <c>site</c>.</param>
/// <param name="Name">Name in the switch's refusals ("site Head office: max outgoing calls 4 reached").</param>
/// <param name="MaxCalls">Calls in progress, all directions.</param>
/// <param name="MaxIncoming">Incoming calls in progress.</param>
/// <param name="MaxOutgoing">Outgoing calls in progress.</param>
/// <param name="MaxForwarded">Forwarded calls in progress.</param>
/// <param name="MaxBandwidthKbps">Media bandwidth of all calls, kbit/s.</param>
/// <param name="MaxIncomingKbps">Media bandwidth of incoming calls, kbit/s.</param>
/// <param name="MaxOutgoingKbps">Media bandwidth of outgoing calls, kbit/s.</param>
/// <param name="CustomerEditable">
/// Whether the customer whose lines are in the site may change its limits in the self-care portal (issue 16: "Sites (the
/// limits, read-only for customers if the operator says so)"). Off unless the operator turns it on; never on the Default
/// site, which every customer's lines without a site share.
/// </param>
public sealed record Site(
    string Id,
    string Name,
    int? MaxCalls = null,
    int? MaxIncoming = null,
    int? MaxOutgoing = null,
    int? MaxForwarded = null,
    int? MaxBandwidthKbps = null,
    int? MaxIncomingKbps = null,
    int? MaxOutgoingKbps = null,
    bool CustomerEditable = false)
{
    /// <summary>The id of the site accounts without one belong to; usable without being provisioned.</summary>
    public const string DefaultId = "default";
}
