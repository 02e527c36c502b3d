using System.Runtime.CompilerServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// <c>Via = ( "Via" / "v" ) HCOLON via-parm *(COMMA via-parm)</c>,
/// <c>via-parm = sent-protocol LWS sent-by *( SEMI via-params )</c>, with LWS allowed around every '/' and ':'
/// (RFC 3261 §25.1; RFC 4475 §3.1.1.1 exercises all of it).
/// </summary>
internal static class SipViaParser
{
    /// <summary>
    /// Checks every via-parm in a header value. The first is written to <paramref name="first"/> when
    /// <paramref name="keepFirst"/> (the message's top Via, in place), the others only checked.
    /// </summary>
    public static SipParseError TryReadAll(ReadOnlySpan<byte> buffer, TextRange value, bool keepFirst, ref SipVia first, out int count)
    {
        count = 0;
        var s = new SipScanner(buffer, value);
        var other = default(SipVia);
        while (true)
        {
            var error = count == 0 && keepFirst ? TryReadOne(ref s, buffer, out first) : TryReadOne(ref s, buffer, out other);
            if (error != SipParseError.None)
            {
                return error;
            }

            count++;

            s.SkipLws();
            if (s.AtEnd)
            {
                return SipParseError.None;
            }

            if (!s.TryChar((byte)','))
            {
                return SipParseError.BadVia;
            }
        }
    }

    // Not inlined: inlined into its callers it used up the JIT's inlining budget, after which trivial helpers
    // (TextRange's constructor, the scanner's Peek and AtEnd) became calls; compiled alone, they all inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipParseError TryReadOne(ref SipScanner scanner, ReadOnlySpan<byte> buffer, out SipVia via)
    {
        // The cursor is worked on as a local, which the JIT keeps in registers, and handed back once.
        var s = scanner;
        var error = ReadOne(ref s, buffer, out via);
        scanner = s;
        return error;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SipParseError ReadOne(ref SipScanner s, ReadOnlySpan<byte> buffer, out SipVia via)
    {
        via = default;
        s.SkipLws();
        var start = s.Position;
        TextRange transport;
        if (SipAscii.StartsWithSipVersionSlash(s.Rest))
        {
            // What every phone sends: "SIP/2.0/" with no LWS inside, checked in one 8-byte compare.
            s.Position += 8;
            s.SkipLws(); // SLASH = SWS "/" SWS
            if (!s.TryToken(out transport))
            {
                return SipParseError.BadVia;
            }
        }
        else
        {
            if (!s.TryToken(out var protocol) || !s.TrySeparator((byte)'/') || !s.TryToken(out var version)
                || !s.TrySeparator((byte)'/') || !s.TryToken(out transport))
            {
                return SipParseError.BadVia;
            }

            if (!SipAscii.EqualsLower(buffer.Slice(protocol.Start, protocol.Length), "sip"u8)
                || !buffer.Slice(version.Start, version.Length).SequenceEqual("2.0"u8))
            {
                return SipParseError.ViaVersion;
            }
        }

        s.SkipLws();
        TextRange host;
        var ipv6 = false;
        if (s.Peek == (byte)'[')
        {
            s.Position++;
            var inner = s.Rest;
            var close = inner.IndexOf((byte)']');
            if (close < 2 || !SipChars.All(inner[..close], SipChars.Ipv6))
            {
                return SipParseError.BadVia;
            }

            host = new TextRange(s.Position, close);
            s.Position += close + 1;
            ipv6 = true;
        }
        else
        {
            var n = SipCharRuns.CountIn(buffer, s.Position, s.End, SipChars.Host);
            if (n == 0)
            {
                return SipParseError.BadVia;
            }

            host = new TextRange(s.Position, n);
            s.Position += n;
        }

        var port = 0;
        if (s.TrySeparator((byte)':'))
        {
            var rest = s.Rest;
            var n = SipChars.CountIn(rest, SipChars.Digit);
            var value = SipNumbers.Parse(rest[..n], 65535);
            if (value <= 0)
            {
                return SipParseError.BadVia;
            }

            port = (int)value;
            s.Position += n;
        }

        var capture = default(SipParamCapture);
        var parameters = s;
        if (!SipParams.TryRead(ref parameters, buffer, ref capture))
        {
            return SipParseError.BadVia;
        }

        s.Position = parameters.Position;

        via.Whole = new TextRange(start, s.Position - start);
        via.Transport = transport;
        via.Host = host;
        via.Port = port;
        via.HostIsIpv6 = ipv6;
        via.Branch = capture.Branch;
        via.Received = capture.Received;
        via.HasRport = capture.HasRport;
        via.Rport = capture.Rport;
        via.RportParam = capture.RportParam;
        return SipParseError.None;
    }
}
