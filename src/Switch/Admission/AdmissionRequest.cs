namespace Centrex.Switch.Admission;

/// <summary>What a new call asks of its site.</summary>
/// <param name="Site">The account's site, or <see langword="null"/> for accounts without one (they share the Default site).</param>
/// <param name="Direction">Outgoing (placed by the site's account) or incoming (received by it).</param>
/// <param name="Forwarded">Whether the call is a forwarded one; it then also counts toward Max Number of Forwarded Calls.</param>
/// <param name="BandwidthBps">Media bandwidth reserved for the call, bits per second of one direction (from the offer's
/// codecs: <see cref="CodecProfileTable.OfferBandwidthBps"/>); 0 before any SDP is known.</param>
public readonly record struct AdmissionRequest(string? Site, CallDirection Direction, bool Forwarded, int BandwidthBps);
