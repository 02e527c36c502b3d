namespace Centrex.Switch.Admission;

/// <summary>A consistent snapshot of one site's counters (taken under the site's lock).</summary>
/// <param name="Calls">Calls in progress.</param>
/// <param name="IncomingCalls">Incoming calls in progress.</param>
/// <param name="OutgoingCalls">Outgoing calls in progress.</param>
/// <param name="ForwardedCalls">Forwarded calls in progress.</param>
/// <param name="BandwidthBps">Bandwidth reserved by all calls, bits per second.</param>
/// <param name="IncomingBandwidthBps">Bandwidth reserved by incoming calls.</param>
/// <param name="OutgoingBandwidthBps">Bandwidth reserved by outgoing calls.</param>
public readonly record struct SiteUsage(
    int Calls,
    int IncomingCalls,
    int OutgoingCalls,
    int ForwardedCalls,
    long BandwidthBps,
    long IncomingBandwidthBps,
    long OutgoingBandwidthBps)
{
    /// <summary>Whether nothing is reserved.</summary>
    public bool IsIdle => this == default;
}
