using System.Buffers;
using System.Runtime.CompilerServices;

namespace Centrex.Switch.Sip;

/// <summary>Character classes from the RFC 3261 §25.1 grammar, as vectorizable byte sets.</summary>
internal static class SipChars
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static readonly SearchValues<byte> Token =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>Host names, IPv4 and the inside of IPv6 references (RFC 3261 §25.1 hostport, RFC 5118).</summary>
    public static readonly SearchValues<byte> Host =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"u8);

    public static readonly SearchValues<byte> Ipv6 = SearchValues.Create("0123456789abcdefABCDEF:."u8);

    /// <summary>Bytes that end a parameter value written without quotes.</summary>
    public static readonly SearchValues<byte> ParamValueStop = SearchValues.Create(";,\" \t\r\n<>?"u8);

    /// <summary>Whitespace anywhere (ends a URI in the request line, not allowed inside angle brackets).</summary>
    public static readonly SearchValues<byte> Space = SearchValues.Create(" \t\r\n"u8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWsp(byte b) => b == (byte)' ' || b == (byte)'\t';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
