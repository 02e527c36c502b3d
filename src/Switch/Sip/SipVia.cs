namespace Centrex.Switch.Sip;

/// <summary>
/// One via-parm (RFC 3261 §20.42): transport, sent-by host and port (0 when absent), and the parameters responses
/// are routed by: branch (§8.1.1.7), received (§18.2.1), rport (RFC 3581; <see cref="HasRport"/> with an empty
/// value when the client asks for it; <see cref="RportParam"/> is the whole ';rport...' text). Fields, written in
/// place by the parser (see <see cref="SipUri"/>).
/// </summary>
internal struct SipVia
{
    public TextRange Whole;
    public TextRange Transport;
    public TextRange Host;
    public int Port;
    public bool HostIsIpv6;
    public TextRange Branch;
    public TextRange Received;
    public bool HasRport;
    public TextRange Rport;
    public TextRange RportParam;
}
