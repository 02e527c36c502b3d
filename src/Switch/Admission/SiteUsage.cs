namespace Centrex.Switch.Admission;

/// <summary>
/// A consistent snapshot of one site's counters (taken under the site's lock). The call counts are slots: connected
/// calls and ringing calls holding a slot (never more than a limit); <see cref="BorrowingCalls"/> ring beyond them.
/// </summary>
/// <param name="Calls">Slots taken.</param>
/// <param name="IncomingCalls">Slots taken by incoming calls.</param>
/// <param name="OutgoingCalls">Slots taken by outgoing calls.</param>
/// <param name="ForwardedCalls">Slots taken by forwarded calls.</param>
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
    /// <summary>Calls connected (answered): what seed 004's limits count.</summary>
    public int ConnectedCalls { get; init; }

    /// <summary>Calls ringing without a slot, on capacity the connected calls do not use.</summary>
    public int BorrowingCalls { get; init; }

    /// <summary>Whether nothing is reserved.</summary>
    public bool IsIdle => this == default;
}
