using System.Net;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// An account's registered device (RFC 3261 §10.3): its Contact URI, where its REGISTER came from (calls are sent
/// there, which also reaches phones behind NAT), and when the binding expires.
/// </summary>
internal sealed record Binding(
    string AccountId,
    string ContactUri,
    SipTransportKind Kind,
    IPEndPoint Remote,
    SipConnection? Connection,
    string CallId,
    int CSeq,
    Instant Expires);
