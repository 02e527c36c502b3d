using System.Text;

namespace Centrex.Switch.Sip;

/// <summary>
/// The checks a UAS makes on a well-formed request before acting on it, in RFC 3261 §8.2 order, plus the proxy
/// hop limit of §16.3: Max-Forwards 0 (483), URI scheme (416, §8.2.2.1), Require (420, §8.2.2.3), content type and
/// encoding (415, §8.2.3), Accept (406, §21.4.7).
/// </summary>
internal static class SipRequestChecks
{
    public static SipRequestCheck Check(SipMessage m)
    {
        if (!m.IsRequest || m.Method == SipMethod.Ack)
        {
            return SipRequestCheck.Pass;
        }

        if (m.MaxForwards == 0 && m.Method != SipMethod.Cancel)
        {
            return new SipRequestCheck(483, "Too Many Hops");
        }

        if (m.RequestUri.Scheme is not (SipUriScheme.Sip or SipUriScheme.Sips or SipUriScheme.Tel))
        {
            return new SipRequestCheck(416, "Unsupported URI Scheme");
        }

        if (m.Method != SipMethod.Cancel && !RequiresOnlySupported(m))
        {
            return new SipRequestCheck(420, "Bad Extension");
        }

        if (m.Body.Length > 0)
        {
            var type = m[m.Find(SipHeaderKind.ContentType)];
            var semi = type.IndexOf((byte)';');
            type = (semi < 0 ? type : type[..semi]).Trim(" \t"u8);
            if (!Ascii.EqualsIgnoreCase(type, "application/sdp"u8) && !Ascii.EqualsIgnoreCase(type, "multipart/mixed"u8))
            {
                return new SipRequestCheck(415, "Unsupported Media Type");
            }

            var encoding = m[m.Find(SipHeaderKind.ContentEncoding)];
            if (!encoding.IsEmpty && !Ascii.EqualsIgnoreCase(encoding.Trim(" \t"u8), "identity"u8))
            {
                return new SipRequestCheck(415, "Unsupported Content-Encoding");
            }
        }

        if (m.Method is SipMethod.Invite or SipMethod.Options && m.Has(SipHeaderKind.Accept) && !AcceptsSdp(m))
        {
            return new SipRequestCheck(406, "Not Acceptable");
        }

        return SipRequestCheck.Pass;
    }

    /// <summary>
    /// Whether every option tag in Require is one the switch supports: <c>100rel</c> (RFC 3262) and <c>timer</c>
    /// (RFC 4028), which it passes between the two phones (§8.2.2.3: any other gets 420 with Unsupported).
    /// </summary>
    private static bool RequiresOnlySupported(SipMessage m)
    {
        for (var i = 0; i < m.HeaderCount; i++)
        {
            ref readonly var h = ref m.Header(i);
            if (h.Kind != SipHeaderKind.Require)
            {
                continue;
            }

            foreach (var range in m[h.Value].Split((byte)','))
            {
                var tag = m[h.Value][range].Trim(" \t"u8);
                if (!Ascii.EqualsIgnoreCase(tag, "100rel"u8) && !Ascii.EqualsIgnoreCase(tag, "timer"u8))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AcceptsSdp(SipMessage m)
    {
        for (var i = 0; i < m.HeaderCount; i++)
        {
            ref readonly var h = ref m.Header(i);
            if (h.Kind != SipHeaderKind.Accept)
            {
                continue;
            }

            var value = m[h.Value];
            if (value.IsEmpty || Contains(value, "application/sdp"u8) || Contains(value, "*/*"u8) || Contains(value, "application/*"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle))
            {
                return true;
            }
        }

        return false;
    }
}
