using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Switch.Sip;

/// <summary>Checks and splits a URI the caller has checked for whitespace (RFC 3261 §19.1.1 and §25.1, RFC 5118 for IPv6).</summary>
internal static class SipUriParser
{
    // Not inlined: inlined into its callers it used up the JIT's inlining budget, after which trivial helpers
    // (TextRange's constructor, the scanner's Peek and AtEnd) became calls; compiled alone, they all inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryParse(ReadOnlySpan<byte> buffer, TextRange range, out SipUri uri)
    {
        uri = default;
        var text = buffer.Slice(range.Start, range.Length);

        // What nearly every URI starts with, "sip:" (letters in any case), checked as one 4-byte word.
        if (text.Length > 4 && (MemoryMarshal.Read<uint>(text) | 0x00202020) == 0x3A706973)
        {
            return TryParseSip(buffer, range, 4, SipUriScheme.Sip, ref uri);
        }

        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":": one pass over the scheme finds the colon too.
        var colon = SipCharRuns.CountIn(buffer, range.Start, range.End, SipChars.Scheme);
        if (colon == 0 || colon >= text.Length || text[colon] != (byte)':' || !char.IsAsciiLetter((char)text[0]))
        {
            return false;
        }

        var scheme = text[..colon];

        var kind = SipAscii.EqualsLower(scheme, "sip"u8) ? SipUriScheme.Sip
            : SipAscii.EqualsLower(scheme, "sips"u8) ? SipUriScheme.Sips
            : SipAscii.EqualsLower(scheme, "tel"u8) ? SipUriScheme.Tel
            : SipUriScheme.Other;
        if (kind is SipUriScheme.Tel or SipUriScheme.Other)
        {
            if (colon + 1 >= text.Length)
            {
                return false;
            }

            uri.Scheme = kind;
            uri.Whole = range;
            if (kind == SipUriScheme.Tel)
            {
                uri.User = new TextRange(range.Start + colon + 1, LengthBefore(text[(colon + 1)..], (byte)';'));
            }

            return true;
        }

        return TryParseSip(buffer, range, colon + 1, kind, ref uri);
    }

    private static bool TryParseSip(ReadOnlySpan<byte> buffer, TextRange range, int afterScheme, SipUriScheme kind, ref SipUri uri)
    {
        var text = buffer.Slice(range.Start, range.Length);
        var rest = text[afterScheme..];
        var userRange = default(TextRange);

        // Most users and hosts are host characters only, so one table pass usually ends at the '@' (a user) or at
        // the end of the host (no user); only otherwise is the rest searched for '@'.
        var plain = SipCharRuns.CountIn(buffer, range.Start + afterScheme, range.End, SipChars.Host);
        var at = plain < rest.Length && rest[plain] == (byte)'@' ? plain : IndexFrom(rest, plain, (byte)'@');
        var hostStart = afterScheme;
        var hostLength = -1;
        if (at >= 0)
        {
            // userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"; the user part may hold ';', '?', ','.
            if (at == 0)
            {
                return false;
            }

            var userLength = at == plain ? at : LengthBefore(rest[..at], (byte)':');
            userRange = new TextRange(range.Start + afterScheme, userLength);
            hostStart = afterScheme + at + 1;
        }
        else
        {
            hostLength = plain; // no user: the pass above already measured the host
        }

        var hostText = text[hostStart..];
        var ipv6 = false;
        TextRange host;
        if (!hostText.IsEmpty && hostText[0] == (byte)'[')
        {
            // IPv6reference = "[" IPv6address "]" (RFC 5118 §4.1; the three-colon form of §4.5 is let through).
            var close = hostText.IndexOf((byte)']');
            if (close < 3 || !SipChars.All(hostText[1..close], SipChars.Ipv6))
            {
                return false;
            }

            ipv6 = true;
            host = new TextRange(range.Start + hostStart + 1, close - 1);
            hostLength = close + 1;
        }
        else
        {
            if (hostLength < 0)
            {
                hostLength = SipCharRuns.CountIn(buffer, range.Start + hostStart, range.End, SipChars.Host);
            }

            if (hostLength == 0)
            {
                return false;
            }

            host = new TextRange(range.Start + hostStart, hostLength);
        }

        var after = hostText[hostLength..];
        var port = 0;
        if (!after.IsEmpty && after[0] == (byte)':')
        {
            var digits = after[1..];
            var n = SipChars.CountIn(digits, SipChars.Digit);

            var value = SipNumbers.Parse(digits[..n], 65535);
            if (value < 0)
            {
                return false;
            }

            port = (int)value;
            after = digits[n..];
        }

        if (!after.IsEmpty && after[0] != (byte)';' && after[0] != (byte)'?')
        {
            return false;
        }

        var offset = range.End - after.Length;
        var question = after.IsEmpty ? -1 : after.IndexOf((byte)'?');
        var parameters = question < 0 ? new TextRange(offset, after.Length) : new TextRange(offset, question);
        var headers = question < 0 ? default : new TextRange(offset + question + 1, after.Length - question - 1);
        uri.Scheme = kind;
        uri.Whole = range;
        uri.User = userRange;
        uri.Host = host;
        uri.Port = port;
        uri.HostIsIpv6 = ipv6;
        uri.Parameters = parameters;
        uri.Headers = headers;
        return true;
    }

    private static int IndexFrom(ReadOnlySpan<byte> text, int from, byte value)
    {
        var i = text[from..].IndexOf(value);
        return i < 0 ? -1 : from + i;
    }

    private static int LengthBefore(ReadOnlySpan<byte> text, byte stop)
    {
        var i = text.IndexOf(stop);
        return i < 0 ? text.Length : i;
    }
}
