namespace Centrex.Switch.Sip;

/// <summary>
/// A URI by ranges (RFC 3261 §19.1.1): scheme, user (without password), host (for IPv6 references, without the
/// brackets), port (0 when absent), parameters after the hostport (from the first ';', without headers) and headers
/// (after '?'). Non-SIP schemes only fill <see cref="Whole"/> and <see cref="Scheme"/>.
/// </summary>
/// <remarks>
/// Fields rather than a record's properties: the parser writes a URI in place, inside the message's name-addr or
/// Request-URI, instead of building it on the stack and copying it there (a copy of a struct just written field by
/// field stalls on store forwarding). Readers get it from <see cref="SipMessage"/> as <c>ref readonly</c>.
/// </remarks>
internal struct SipUri
{
    public SipUriScheme Scheme;
    public TextRange Whole;
    public TextRange User;
    public TextRange Host;
    public int Port;
    public bool HostIsIpv6;
    public TextRange Parameters;
    public TextRange Headers;
}
