namespace Centrex.Switch.Sip;

/// <summary>URI schemes the switch routes (RFC 3261 §19.1, RFC 3966); anything else is <see cref="Other"/> (answered 416).</summary>
internal enum SipUriScheme : byte
{
    None,
    Sip,
    Sips,
    Tel,
    Other,
}
