using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>What the transports hand parsed messages to.</summary>
internal interface ISipMessageSink
{
    /// <summary>A message that parsed; the sink owns it.</summary>
    void OnMessage(SipMessage message, SipSource source);

    /// <summary>Bytes that did not parse, with the reason; the sink may answer 400 if it can address a response.</summary>
    void OnMalformed(ReadOnlySpan<byte> data, SipParseError error, SipSource source);
}
