namespace Centrex.Switch.Sip;

/// <summary>
/// A URI by ranges (RFC 3261 §19.1.1): scheme, user (without password), host (for IPv6 references, without the
/// brackets), port (0 when absent), parameters after the hostport (from the first ';', without headers) and headers
/// (after '?'). Non-SIP schemes only fill <see cref="Whole"/> and <see cref="Scheme"/>.
/// </summary>
internal readonly record struct SipUri(
    SipUriScheme Scheme,
    TextRange Whole,
    TextRange User,
    TextRange Host,
    int Port,
    bool HostIsIpv6,
    TextRange Parameters,
    TextRange Headers);
