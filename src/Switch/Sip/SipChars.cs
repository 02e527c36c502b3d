using System.Buffers;
using System.Runtime.CompilerServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// Character classes from the RFC 3261 §25.1 grammar as one 256-entry flag table. Header parts are short (3 to 40
/// bytes), where a table lookup per byte beats setting up a vectorized search.
/// </summary>
internal static class SipChars
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public const byte Token = 1;

    /// <summary>Host names and IPv4 addresses (RFC 3261 §25.1 hostname, IPv4address).</summary>
    public const byte Host = 2;

    /// <summary>The inside of an IPv6 reference (RFC 5118).</summary>
    public const byte Ipv6 = 4;

    /// <summary>Bytes that end a parameter value written without quotes.</summary>
    public const byte ParamStop = 8;

    /// <summary>SP, HT, CR, LF.</summary>
    public const byte Space = 16;

    /// <summary>Bytes that end a URI written without angle brackets (RFC 3261 §20.10).</summary>
    public const byte AddrSpecStop = 32;

    public const byte Digit = 64;

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    public const byte Scheme = 128;

    private static ReadOnlySpan<byte> Flags =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 56, 56, 0, 0, 56, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        56, 1, 8, 0, 0, 1, 0, 1, 0, 0, 1, 129, 40, 131, 135, 0,
        199, 199, 199, 199, 199, 199, 199, 199, 199, 199, 4, 40, 8, 0, 8, 8,
        0, 135, 135, 135, 135, 135, 135, 131, 131, 131, 131, 131, 131, 131, 131, 131,
        131, 131, 131, 131, 131, 131, 131, 131, 131, 131, 131, 0, 0, 0, 0, 3,
        1, 135, 135, 135, 135, 135, 135, 131, 131, 131, 131, 131, 131, 131, 131, 131,
        131, 131, 131, 131, 131, 131, 131, 131, 131, 131, 131, 0, 0, 0, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(byte b, byte mask) => (Flags[b] & mask) != 0;

    /// <summary>How many bytes at the start of <paramref name="s"/> are in the class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountIn(ReadOnlySpan<byte> s, byte mask)
    {
        var flags = Flags;
        var i = 0;
        while ((uint)i < (uint)s.Length && (flags[s[i]] & mask) != 0)
        {
            i++;
        }

        return i;
    }

    /// <summary>How many bytes at the start of <paramref name="s"/> are not in the class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountNotIn(ReadOnlySpan<byte> s, byte mask)
    {
        var flags = Flags;
        var i = 0;
        while ((uint)i < (uint)s.Length && (flags[s[i]] & mask) == 0)
        {
            i++;
        }

        return i;
    }

    public static bool All(ReadOnlySpan<byte> s, byte mask) => CountIn(s, mask) == s.Length;

    public static bool Any(ReadOnlySpan<byte> s, byte mask) => CountNotIn(s, mask) != s.Length;

    /// <summary>
    /// Whether <paramref name="s"/> holds SP, HT, CR or LF. Vectorized: the spans checked this way (URIs, Call-IDs)
    /// run to 30 bytes and more, where the table loop above costs several instructions a byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasSpace(ReadOnlySpan<byte> s) => s.ContainsAny(Spaces);

    /// <summary>SP, HT, CR, LF: the <see cref="Space"/> class for vectorized searches.</summary>
    public static readonly SearchValues<byte> Spaces = SearchValues.Create(" \t\r\n"u8);

    /// <summary>The <see cref="Space"/> class and '&gt;': the first of these after '&lt;' must be the '&gt;' (RFC 4475 §3.1.2.13).</summary>
    public static readonly SearchValues<byte> SpacesOrRightAngle = SearchValues.Create(" \t\r\n>"u8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWsp(byte b) => b == (byte)' ' || b == (byte)'\t';
}
