namespace Centrex.Switch.Sip;

/// <summary>A From, To, Contact, Route or Record-Route value (RFC 3261 §20.10): display name, URI, tag and all parameters.</summary>
internal readonly record struct SipNameAddr(TextRange DisplayName, SipUri Uri, bool Bracketed, TextRange Tag, TextRange Expires, TextRange Parameters);
