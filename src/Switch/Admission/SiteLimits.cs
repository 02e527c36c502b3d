namespace Centrex.Switch.Admission;

/// <summary>
/// The limits of one site (seed 004, Sites page): a group of accounts whose combined concurrent calls and media
/// bandwidth are capped. <see langword="null"/> means no limit. Bandwidth is in kbps of one direction of media, as the
/// codec profile table gives it (see <see cref="CodecProfileTable"/>).
/// </summary>
/// <param name="Name">The site's name; accounts without a site use <see cref="SiteAdmission.DefaultSiteName"/>.</param>
/// <param name="MaxCalls">Max Number of Simultaneous Calls, whatever their direction.</param>
/// <param name="MaxIncomingCalls">Max Number of Incoming Calls.</param>
/// <param name="MaxOutgoingCalls">Max Number of Outgoing Calls.</param>
/// <param name="MaxForwardedCalls">Max Number of Forwarded Calls.</param>
/// <param name="MaxBandwidthKbps">Max Bandwidth of all calls.</param>
/// <param name="MaxIncomingBandwidthKbps">Max Incoming Bandwidth.</param>
/// <param name="MaxOutgoingBandwidthKbps">Max Outgoing Bandwidth.</param>
public sealed record SiteLimits(
    string Name,
    int? MaxCalls = null,
    int? MaxIncomingCalls = null,
    int? MaxOutgoingCalls = null,
    int? MaxForwardedCalls = null,
    int? MaxBandwidthKbps = null,
    int? MaxIncomingBandwidthKbps = null,
    int? MaxOutgoingBandwidthKbps = null)
{
    /// <summary>A site with no limits.</summary>
    public static SiteLimits Unlimited(string name) => new(name);
}
