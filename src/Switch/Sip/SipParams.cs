using System.Runtime.CompilerServices;
using System.Text;

namespace Centrex.Switch.Sip;

/// <summary>
/// Parameter lists: <c>*( SEMI generic-param )</c> with <c>generic-param = token [ EQUAL gen-value ]</c> and
/// <c>gen-value = token / host / quoted-string</c> (RFC 3261 §25.1). LWS is allowed around ';' and '='. A value
/// without quotes runs to the next separator, which also admits unbracketed IPv6 in <c>received</c> (RFC 5118 §4.6).
/// </summary>
internal static class SipParams
{
    /// <summary>Reads parameters at the cursor until something that is not ';'. False on an empty name or value.</summary>
    // Not inlined: inlined into its callers it used up the JIT's inlining budget, after which trivial helpers
    // (TextRange's constructor, the scanner's Peek and AtEnd) became calls; compiled alone, they all inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryRead(ref SipScanner scanner, ReadOnlySpan<byte> buffer, ref SipParamCapture capture)
    {
        // The cursor is worked on as a local, which the JIT keeps in registers, and handed back once.
        var s = scanner;
        var ok = Read(ref s, buffer, ref capture);
        scanner = s;
        return ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Read(ref SipScanner s, ReadOnlySpan<byte> buffer, ref SipParamCapture capture)
    {
        var start = s.Position;
        while (true)
        {
            var paramStart = s.Position;
            if (!s.TrySeparator((byte)';'))
            {
                break;
            }

            if (!s.TryToken(out var name))
            {
                return false;
            }

            var value = default(TextRange);
            var hasValue = false;
            if (s.TrySeparator((byte)'='))
            {
                hasValue = true;
                if (s.Peek == (byte)'"')
                {
                    if (!s.TryQuoted(out value))
                    {
                        return false;
                    }
                }
                else
                {
                    value = s.TakeUntil(SipChars.ParamStop);
                    if (value.IsEmpty)
                    {
                        return false;
                    }
                }
            }

            Capture(buffer.Slice(name.Start, name.Length), value, hasValue, ref capture);
            if (capture.HasRport && capture.RportParam.IsEmpty)
            {
                capture.RportParam = new TextRange(paramStart, s.Position - paramStart);
            }
        }

        capture.All = new TextRange(start, s.Position - start);
        return true;
    }

    private static void Capture(ReadOnlySpan<byte> name, TextRange value, bool hasValue, ref SipParamCapture capture)
    {
        switch (name.Length)
        {
            case 3 when SipAscii.EqualsLower(name, "tag"u8) && hasValue:
                capture.Tag = value;
                break;
            case 5 when SipAscii.EqualsLower(name, "rport"u8):
                capture.HasRport = true;
                capture.Rport = value;
                break;
            case 6 when SipAscii.EqualsLower(name, "branch"u8) && hasValue:
                capture.Branch = value;
                break;
            case 7 when SipAscii.EqualsLower(name, "expires"u8) && hasValue:
                capture.Expires = value;
                break;
            case 8 when SipAscii.EqualsLower(name, "received"u8) && hasValue:
                capture.Received = value;
                break;
        }
    }

    /// <summary>Finds one parameter in an already checked list (slow path: auth headers, URI parameters).</summary>
    public static bool TryFind(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        while (!parameters.IsEmpty)
        {
            var semi = parameters.IndexOf((byte)';');
            var item = semi < 0 ? parameters : parameters[..semi];
            parameters = semi < 0 ? default : parameters[(semi + 1)..];
            item = item.Trim(" \t\r\n"u8);
            var eq = item.IndexOf((byte)'=');
            var key = (eq < 0 ? item : item[..eq]).Trim(" \t\r\n"u8);
            if (Ascii.EqualsIgnoreCase(key, name))
            {
                value = eq < 0 ? default : item[(eq + 1)..].Trim(" \t\r\n\""u8);
                return true;
            }
        }

        return false;
    }
}
