namespace Centrex.Switch.Transport;

/// <summary>The transports the switch listens on (RFC 3261 §18).</summary>
internal enum SipTransportKind : byte
{
    Udp,
    Tcp,
}
