using System.Net;

namespace Centrex.Switch.Transport;

/// <summary>Where a message came from: transport, remote address and, for TCP, the connection to answer on (RFC 3261 §18.2.2).</summary>
internal sealed record SipSource(SipTransportKind Kind, IPEndPoint Remote, SipConnection? Connection)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Remote}";
}
