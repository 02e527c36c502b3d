namespace Centrex.Switch.Sip;

/// <summary>
/// Size limits. RFC 3261 §18.1.1 keeps UDP messages near the path MTU; 64 KiB is the largest UDP datagram, so no
/// well-formed SIP message is larger, and 128 header lines covers RFC 4475's longreq with room to spare.
/// </summary>
internal static class SipLimits
{
    public const int MaxMessageBytes = 65_535;
    public const int MaxHeaders = 128;
    public const int MaxCSeq = int.MaxValue; // RFC 3261 §8.1.1.5: the sequence number is less than 2**31.
    public const int MaxMaxForwards = 255;   // RFC 3261 §20.22 with RFC 4475 §3.1.2.4: values above 255 are invalid.
}
