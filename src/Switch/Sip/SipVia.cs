namespace Centrex.Switch.Sip;

/// <summary>
/// One via-parm (RFC 3261 §20.42): transport, sent-by host and port (0 when absent), and the parameters responses
/// are routed by: branch (§8.1.1.7), received (§18.2.1), rport (RFC 3581; <see cref="HasRport"/> with an empty
/// value when the client asks for it; <see cref="RportParam"/> is the whole ';rport...' text).
/// </summary>
internal readonly record struct SipVia(
    TextRange Whole,
    TextRange Transport,
    TextRange Host,
    int Port,
    bool HostIsIpv6,
    TextRange Branch,
    TextRange Received,
    bool HasRport,
    TextRange Rport,
    TextRange RportParam);
