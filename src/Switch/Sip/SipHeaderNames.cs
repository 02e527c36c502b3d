using System.Runtime.CompilerServices;
using System.Text;

namespace Centrex.Switch.Sip;

/// <summary>
/// Header name lookup: RFC 3261 §7.3.1 says names are case-insensitive, and §7.3.3 (with RFC 3265, 3515, 3841,
/// 4028) gives the compact one-letter forms. Dispatch on length first so a lookup touches one or two candidates.
/// </summary>
internal static class SipHeaderNames
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SipHeaderKind Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return Compact((byte)(name[0] | 0x20));
        }

        return LookupLong(name);
    }

    private static SipHeaderKind Compact(byte letter) => letter switch
    {
        (byte)'v' => SipHeaderKind.Via,
        (byte)'f' => SipHeaderKind.From,
        (byte)'t' => SipHeaderKind.To,
        (byte)'i' => SipHeaderKind.CallId,
        (byte)'m' => SipHeaderKind.Contact,
        (byte)'l' => SipHeaderKind.ContentLength,
        (byte)'c' => SipHeaderKind.ContentType,
        (byte)'e' => SipHeaderKind.ContentEncoding,
        (byte)'k' => SipHeaderKind.Supported,
        (byte)'s' => SipHeaderKind.Subject,
        (byte)'o' => SipHeaderKind.Event,
        (byte)'x' => SipHeaderKind.SessionExpires,
        (byte)'r' => SipHeaderKind.ReferTo,
        (byte)'b' => SipHeaderKind.ReferredBy,
        _ => SipHeaderKind.Other,
    };

    private static SipHeaderKind LookupLong(ReadOnlySpan<byte> n) => n.Length switch
    {
        2 when Is(n, "to"u8) => SipHeaderKind.To,
        3 when Is(n, "via"u8) => SipHeaderKind.Via,
        4 when Is(n, "from"u8) => SipHeaderKind.From,
        4 when Is(n, "cseq"u8) => SipHeaderKind.CSeq,
        4 when Is(n, "date"u8) => SipHeaderKind.Date,
        5 when Is(n, "route"u8) => SipHeaderKind.Route,
        5 when Is(n, "allow"u8) => SipHeaderKind.Allow,
        5 when Is(n, "event"u8) => SipHeaderKind.Event,
        6 when Is(n, "accept"u8) => SipHeaderKind.Accept,
        6 when Is(n, "server"u8) => SipHeaderKind.Server,
        6 when Is(n, "reason"u8) => SipHeaderKind.Reason,
        7 when Is(n, "call-id"u8) => SipHeaderKind.CallId,
        7 when Is(n, "contact"u8) => SipHeaderKind.Contact,
        7 when Is(n, "expires"u8) => SipHeaderKind.Expires,
        7 when Is(n, "require"u8) => SipHeaderKind.Require,
        7 when Is(n, "subject"u8) => SipHeaderKind.Subject,
        7 when Is(n, "warning"u8) => SipHeaderKind.Warning,
        8 when Is(n, "refer-to"u8) => SipHeaderKind.ReferTo,
        9 when Is(n, "supported"u8) => SipHeaderKind.Supported,
        10 when Is(n, "user-agent"u8) => SipHeaderKind.UserAgent,
        11 when Is(n, "min-expires"u8) => SipHeaderKind.MinExpires,
        11 when Is(n, "unsupported"u8) => SipHeaderKind.Unsupported,
        11 when Is(n, "referred-by"u8) => SipHeaderKind.ReferredBy,
        12 when Is(n, "max-forwards"u8) => SipHeaderKind.MaxForwards,
        12 when Is(n, "record-route"u8) => SipHeaderKind.RecordRoute,
        12 when Is(n, "content-type"u8) => SipHeaderKind.ContentType,
        13 when Is(n, "authorization"u8) => SipHeaderKind.Authorization,
        13 when Is(n, "proxy-require"u8) => SipHeaderKind.ProxyRequire,
        14 when Is(n, "content-length"u8) => SipHeaderKind.ContentLength,
        15 when Is(n, "session-expires"u8) => SipHeaderKind.SessionExpires,
        16 when Is(n, "www-authenticate"u8) => SipHeaderKind.WwwAuthenticate,
        16 when Is(n, "content-encoding"u8) => SipHeaderKind.ContentEncoding,
        18 when Is(n, "proxy-authenticate"u8) => SipHeaderKind.ProxyAuthenticate,
        19 when Is(n, "proxy-authorization"u8) => SipHeaderKind.ProxyAuthorization,
        _ => SipHeaderKind.Other,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lowerCase) => Ascii.EqualsIgnoreCase(name, lowerCase);

    /// <summary>The canonical long name, for messages the switch writes and for error reasons.</summary>
    public static string Display(SipHeaderKind kind) => kind switch
    {
        SipHeaderKind.CallId => "Call-ID",
        SipHeaderKind.CSeq => "CSeq",
        SipHeaderKind.MaxForwards => "Max-Forwards",
        SipHeaderKind.ContentLength => "Content-Length",
        SipHeaderKind.ContentType => "Content-Type",
        SipHeaderKind.ContentEncoding => "Content-Encoding",
        SipHeaderKind.MinExpires => "Min-Expires",
        SipHeaderKind.RecordRoute => "Record-Route",
        SipHeaderKind.ProxyAuthorization => "Proxy-Authorization",
        SipHeaderKind.WwwAuthenticate => "WWW-Authenticate",
        SipHeaderKind.ProxyAuthenticate => "Proxy-Authenticate",
        SipHeaderKind.ProxyRequire => "Proxy-Require",
        SipHeaderKind.SessionExpires => "Session-Expires",
        SipHeaderKind.ReferTo => "Refer-To",
        SipHeaderKind.ReferredBy => "Referred-By",
        SipHeaderKind.UserAgent => "User-Agent",
        _ => kind.ToString(),
    };
}
