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
}
