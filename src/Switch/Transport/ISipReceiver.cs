using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>
/// Where the transports put what they receive: the receive ring. The bytes are only valid during the call (the
/// transport reuses its buffer), so the receiver copies them; parsing and routing happen on the router's thread.
/// </summary>
internal interface ISipReceiver
{
    /// <summary>One message's bytes: a datagram, or a message a TCP connection framed.</summary>
    void OnReceived(ReadOnlySpan<byte> data, SipSource source);

    /// <summary>Bytes a TCP connection could not frame (its connection closes), with the reason.</summary>
    void OnUnframed(ReadOnlySpan<byte> data, SipParseError error, SipSource source);
}
