namespace Centrex.Switch.Admission;

/// <summary>What an answer SDP settled on (RFC 3264 §6.1: the answerer lists the formats it will use, preferred first).</summary>
/// <param name="Encoding">The first voice codec of the answer (for the CDR); empty when the answer has no audio.</param>
/// <param name="BandwidthBps">The bandwidth to reserve: the costliest voice codec the answer kept, since either side may
/// switch among the answered formats at any time without a new offer (RFC 3264 §6.1).</param>
public readonly record struct NegotiatedCodec(string Encoding, int BandwidthBps);
