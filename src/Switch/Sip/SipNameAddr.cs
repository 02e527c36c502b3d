namespace Centrex.Switch.Sip;

/// <summary>
/// A From, To, Contact, Route or Record-Route value (RFC 3261 §20.10): display name, URI, tag and all parameters.
/// Fields, written in place by the parser (see <see cref="SipUri"/>).
/// </summary>
internal struct SipNameAddr
{
    public TextRange DisplayName;
    public SipUri Uri;
    public bool Bracketed;
    public TextRange Tag;
    public TextRange Expires;
    public TextRange Parameters;
}
