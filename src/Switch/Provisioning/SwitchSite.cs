namespace Centrex.Switch.Provisioning;

/// <summary>
/// A site (seed 004, "Sites"): a group of accounts sharing limits. Null means no limit. Accounts without a site
/// share the Default site. The limits are enforced by admission control, not by the directory.
/// </summary>
public sealed record SwitchSite(
    string Id,
    string Name,
    int? MaxCalls = null,
    int? MaxIncoming = null,
    int? MaxOutgoing = null,
    int? MaxForwarded = null,
    int? MaxBandwidthKbps = null,
    int? MaxIncomingKbps = null,
    int? MaxOutgoingKbps = null)
{
    /// <summary>The id of the site accounts without one belong to.</summary>
    public const string DefaultId = "default";
}
