namespace Centrex.Switch.Admission;

/// <summary>
/// A codec's bandwidth as admission control counts it (seed 004, Sites page: "Codec Connectivity Profile"): bits per
/// second of one direction of media, payload and every header on the wire included (see <see cref="CodecProfileTable"/>).
/// </summary>
/// <param name="Encoding">The encoding name as in <c>a=rtpmap</c> (RFC 3551 §6 names): <c>PCMU</c>, <c>G729</c>, <c>opus</c>.</param>
/// <param name="ClockRate">The RTP clock rate in Hz as in <c>a=rtpmap</c>.</param>
/// <param name="BandwidthBps">Bits per second of one direction; 0 for payloads that carry no continuous media
/// (RFC 4733 telephone events, RFC 3389 comfort noise).</param>
public sealed record CodecProfile(string Encoding, int ClockRate, int BandwidthBps)
{
    /// <summary>Whether the payload carries voice (a non-zero bandwidth).</summary>
    public bool IsVoice => BandwidthBps > 0;
}
