using System.Runtime.CompilerServices;

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

    private static SipHeaderKind LookupLong(ReadOnlySpan<byte> n)
    {
        // One jump on (length, first letter folded), then at most two whole-name compares.
        switch ((n.Length << 8) | (n[0] | 0x20))
        {
            case (2 << 8) | 't':
                if (Is(n, "to"u8))
                {
                    return SipHeaderKind.To;
                }

                break;
            case (3 << 8) | 'v':
                if (Is(n, "via"u8))
                {
                    return SipHeaderKind.Via;
                }

                break;
            case (4 << 8) | 'c':
                if (Is(n, "cseq"u8))
                {
                    return SipHeaderKind.CSeq;
                }

                break;
            case (4 << 8) | 'd':
                if (Is(n, "date"u8))
                {
                    return SipHeaderKind.Date;
                }

                break;
            case (4 << 8) | 'f':
                if (Is(n, "from"u8))
                {
                    return SipHeaderKind.From;
                }

                break;
            case (5 << 8) | 'a':
                if (Is(n, "allow"u8))
                {
                    return SipHeaderKind.Allow;
                }

                break;
            case (5 << 8) | 'e':
                if (Is(n, "event"u8))
                {
                    return SipHeaderKind.Event;
                }

                break;
            case (5 << 8) | 'r':
                if (Is(n, "route"u8))
                {
                    return SipHeaderKind.Route;
                }

                break;
            case (6 << 8) | 'a':
                if (Is(n, "accept"u8))
                {
                    return SipHeaderKind.Accept;
                }

                break;
            case (6 << 8) | 'r':
                if (Is(n, "reason"u8))
                {
                    return SipHeaderKind.Reason;
                }

                break;
            case (6 << 8) | 's':
                if (Is(n, "server"u8))
                {
                    return SipHeaderKind.Server;
                }

                break;
            case (7 << 8) | 'c':
                if (Is(n, "call-id"u8))
                {
                    return SipHeaderKind.CallId;
                }

                if (Is(n, "contact"u8))
                {
                    return SipHeaderKind.Contact;
                }

                break;
            case (7 << 8) | 'e':
                if (Is(n, "expires"u8))
                {
                    return SipHeaderKind.Expires;
                }

                break;
            case (7 << 8) | 'r':
                if (Is(n, "require"u8))
                {
                    return SipHeaderKind.Require;
                }

                break;
            case (7 << 8) | 's':
                if (Is(n, "subject"u8))
                {
                    return SipHeaderKind.Subject;
                }

                break;
            case (7 << 8) | 'w':
                if (Is(n, "warning"u8))
                {
                    return SipHeaderKind.Warning;
                }

                break;
            case (8 << 8) | 'r':
                if (Is(n, "refer-to"u8))
                {
                    return SipHeaderKind.ReferTo;
                }

                break;
            case (9 << 8) | 's':
                if (Is(n, "supported"u8))
                {
                    return SipHeaderKind.Supported;
                }

                break;
            case (10 << 8) | 'u':
                if (Is(n, "user-agent"u8))
                {
                    return SipHeaderKind.UserAgent;
                }

                break;
            case (11 << 8) | 'm':
                if (Is(n, "min-expires"u8))
                {
                    return SipHeaderKind.MinExpires;
                }

                break;
            case (11 << 8) | 'r':
                if (Is(n, "referred-by"u8))
                {
                    return SipHeaderKind.ReferredBy;
                }

                break;
            case (11 << 8) | 'u':
                if (Is(n, "unsupported"u8))
                {
                    return SipHeaderKind.Unsupported;
                }

                break;
            case (12 << 8) | 'c':
                if (Is(n, "content-type"u8))
                {
                    return SipHeaderKind.ContentType;
                }

                break;
            case (12 << 8) | 'm':
                if (Is(n, "max-forwards"u8))
                {
                    return SipHeaderKind.MaxForwards;
                }

                break;
            case (12 << 8) | 'r':
                if (Is(n, "record-route"u8))
                {
                    return SipHeaderKind.RecordRoute;
                }

                break;
            case (13 << 8) | 'a':
                if (Is(n, "authorization"u8))
                {
                    return SipHeaderKind.Authorization;
                }

                break;
            case (13 << 8) | 'p':
                if (Is(n, "proxy-require"u8))
                {
                    return SipHeaderKind.ProxyRequire;
                }

                break;
            case (14 << 8) | 'c':
                if (Is(n, "content-length"u8))
                {
                    return SipHeaderKind.ContentLength;
                }

                break;
            case (15 << 8) | 's':
                if (Is(n, "session-expires"u8))
                {
                    return SipHeaderKind.SessionExpires;
                }

                break;
            case (16 << 8) | 'c':
                if (Is(n, "content-encoding"u8))
                {
                    return SipHeaderKind.ContentEncoding;
                }

                break;
            case (16 << 8) | 'w':
                if (Is(n, "www-authenticate"u8))
                {
                    return SipHeaderKind.WwwAuthenticate;
                }

                break;
            case (18 << 8) | 'p':
                if (Is(n, "proxy-authenticate"u8))
                {
                    return SipHeaderKind.ProxyAuthenticate;
                }

                break;
            case (19 << 8) | 'p':
                if (Is(n, "proxy-authorization"u8))
                {
                    return SipHeaderKind.ProxyAuthorization;
                }

                break;
        }

        return SipHeaderKind.Other;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lowerCase) => SipAscii.EqualsLower(name, lowerCase);

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
