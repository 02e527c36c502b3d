using System.Runtime.CompilerServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// <c>( name-addr / addr-spec ) *( SEMI param )</c> (RFC 3261 §20.10, §25.1). In <c>name-addr</c> the URI sits in
/// angle brackets with nothing else inside (RFC 4475 §3.1.2.13); the display name is tokens separated by LWS or a
/// quoted string (§3.1.2.14). In <c>addr-spec</c> form the URI ends at whitespace, ';' or ','.
/// </summary>
internal static class SipNameAddrParser
{
    // Not inlined: inlined into its callers it used up the JIT's inlining budget, after which trivial helpers
    // (TextRange's constructor, the scanner's Peek and AtEnd) became calls; compiled alone, they all inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryRead(ref SipScanner scanner, ReadOnlySpan<byte> buffer, out SipNameAddr value)
    {
        // The cursor is worked on as a local, which the JIT keeps in registers, and handed back once.
        var s = scanner;
        var ok = Read(ref s, buffer, out value);
        scanner = s;
        return ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Read(ref SipScanner s, ReadOnlySpan<byte> buffer, out SipNameAddr value)
    {
        value = default;
        s.SkipLws();
        var display = default(TextRange);
        TextRange uriRange;
        var bracketed = true;
        if (s.Peek == (byte)'"')
        {
            if (!s.TryQuoted(out display))
            {
                return false;
            }

            s.SkipLws();
            if (!TryAngle(ref s, buffer, out uriRange))
            {
                return false;
            }
        }
        else if (s.Peek == (byte)'<')
        {
            if (!TryAngle(ref s, buffer, out uriRange))
            {
                return false;
            }
        }
        else
        {
            var start = s.Position;
            if (!s.TryToken(out _))
            {
                return false;
            }

            if (s.Peek == (byte)':')
            {
                // addr-spec: a scheme, so the whole thing is a URI.
                s.Position = start;
                uriRange = s.TakeUntil(SipChars.AddrSpecStop);
                bracketed = false;
            }
            else
            {
                // display-name = *(token LWS): more tokens may follow before '<'.
                while (true)
                {
                    var end = s.Position;
                    s.SkipLws();
                    if (s.Peek == (byte)'<')
                    {
                        display = new TextRange(start, end - start);
                        break;
                    }

                    if (!s.TryToken(out _))
                    {
                        return false;
                    }
                }

                if (!TryAngle(ref s, buffer, out uriRange))
                {
                    return false;
                }
            }
        }

        if (!SipUriParser.TryParse(buffer, uriRange, out value.Uri))
        {
            return false;
        }

        var capture = default(SipParamCapture);
        var parameters = s;
        if (!SipParams.TryRead(ref parameters, buffer, ref capture))
        {
            return false;
        }

        s.Position = parameters.Position;

        value.DisplayName = display;
        value.Bracketed = bracketed;
        value.Tag = capture.Tag;
        value.Expires = capture.Expires;
        value.Parameters = capture.All;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAngle(ref SipScanner s, ReadOnlySpan<byte> buffer, out TextRange uri)
    {
        uri = default;
        if (!s.TryChar((byte)'<'))
        {
            return false;
        }

        // One vectorized search finds the '>' and proves there is no whitespace before it.
        var close = s.Rest.IndexOfAny(SipChars.SpacesOrRightAngle);
        if (close <= 0 || buffer[s.Position + close] != (byte)'>')
        {
            return false;
        }

        uri = new TextRange(s.Position, close);
        s.Position += close + 1;
        return true;
    }
}
