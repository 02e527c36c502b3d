namespace Centrex.Switch.Transport;

/// <summary>The transports the switch listens on (RFC 3261 §18).</summary>
internal enum SipTransportKind : byte
{
    Udp,
    Tcp,

    /// <summary>
    /// The switch to itself: a call from one customer to another is handed between their partitions as SIP through
    /// the rings (the send stage puts it back on the receive ring), never by sharing state. Reliable: no retransmission.
    /// </summary>
    Internal,

    /// <summary>
    /// TCP with TLS (RFC 3261 §26.2.1, port 5061 by default): reliable like TCP, Via token <c>TLS</c>, reached through
    /// <c>sips:</c> and <c>transport=tls</c> URIs (§19.1.1, RFC 5630). Last, so the numbers of the others stay.
    /// </summary>
    Tls,
}
