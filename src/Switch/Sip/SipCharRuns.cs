using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Centrex.Switch.Sip;

/// <summary>
/// Runs of one <see cref="SipChars"/> class, 16 bytes per step. A byte is classified by two table lookups on its
/// nibbles (PSHUFB): the low nibble's entry holds one bit per high nibble 0–7 whose byte is in the class, and the high
/// nibble selects that bit (bytes 0x80 and up select none). Tokens, hosts and parameter values are 3 to 30 bytes,
/// where a byte-at-a-time table loop costs several instructions a byte and a mispredicted exit; this costs about ten
/// instructions per 16 bytes. The scans read from a whole message buffer, so a step may load bytes past the run's end
/// (never past the buffer) and clamp the answer to it.
/// </summary>
internal static class SipCharRuns
{
    // The low-nibble table of each class the hot paths scan. Static readonly vectors are constants to the JIT once
    // the class is initialized, so with the class a constant at the call site the table is folded into the code.
    private static readonly Vector128<byte> TokenLow = LowTable(SipChars.Token);
    private static readonly Vector128<byte> HostLow = LowTable(SipChars.Host);
    private static readonly Vector128<byte> ParamStopLow = LowTable(SipChars.ParamStop);
    private static readonly Vector128<byte> SchemeLow = LowTable(SipChars.Scheme);
    private static readonly Vector128<byte> AddrSpecStopLow = LowTable(SipChars.AddrSpecStop);
    private static readonly Vector128<byte> DigitLow = LowTable(SipChars.Digit);
    private static readonly Vector128<byte> SpaceLow = LowTable(SipChars.Space);
    private static readonly Vector128<byte> Ipv6Low = LowTable(SipChars.Ipv6);

    /// <summary>High nibble h (0–7) to the bit 1 &lt;&lt; h; 8–15 (bytes 0x80 and up) to 0.</summary>
    private static readonly Vector128<byte> HighBits = Vector128.Create(1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0).AsByte();

    /// <summary>How many bytes from <paramref name="from"/> (up to <paramref name="end"/>) are in the class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountIn(ReadOnlySpan<byte> buffer, int from, int end, byte mask) =>
        Count(buffer, from, end, mask, inClass: true);

    /// <summary>How many bytes from <paramref name="from"/> (up to <paramref name="end"/>) are not in the class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountNotIn(ReadOnlySpan<byte> buffer, int from, int end, byte mask) =>
        Count(buffer, from, end, mask, inClass: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Count(ReadOnlySpan<byte> buffer, int from, int end, byte mask, bool inClass)
    {
        // Out-of-range positions go to the scalar loop, whose slicing throws; so does a mask of several classes.
        if (!Ssse3.IsSupported || (uint)end > (uint)buffer.Length || (uint)from > (uint)end || !BitOperations.IsPow2(mask))
        {
            return Scalar(buffer, from, end, mask, inClass);
        }

        var low = mask switch
        {
            SipChars.Token => TokenLow,
            SipChars.Host => HostLow,
            SipChars.ParamStop => ParamStopLow,
            SipChars.Scheme => SchemeLow,
            SipChars.AddrSpecStop => AddrSpecStopLow,
            SipChars.Digit => DigitLow,
            SipChars.Space => SpaceLow,
            _ => Ipv6Low, // the one class left: mask is a single bit
        };
        var pos = from;
        while (pos + 16 <= buffer.Length)
        {
            var v = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(buffer), (nuint)pos);
            var bits = Ssse3.Shuffle(low, v & Vector128.Create((byte)0x0F))
                & Ssse3.Shuffle(HighBits, Vector128.ShiftRightLogical(v.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F));
            var stop = Vector128.Equals(bits, Vector128<byte>.Zero);
            var stops = inClass ? stop.ExtractMostSignificantBits() : (~stop).ExtractMostSignificantBits();
            if (stops != 0)
            {
                return Math.Min(pos + BitOperations.TrailingZeroCount(stops), end) - from;
            }

            pos += 16;
            if (pos >= end)
            {
                return end - from;
            }
        }

        return pos - from + Scalar(buffer, pos, end, mask, inClass);
    }

    private static int Scalar(ReadOnlySpan<byte> buffer, int from, int end, byte mask, bool inClass)
    {
        var run = buffer[from..end];
        return inClass ? SipChars.CountIn(run, mask) : SipChars.CountNotIn(run, mask);
    }

    /// <summary>Entry n: bit h set when byte <c>h * 16 + n</c> (h 0–7) is in the class.</summary>
    private static Vector128<byte> LowTable(byte mask)
    {
        Span<byte> low = stackalloc byte[16];
        for (var b = 0; b < 128; b++)
        {
            if (SipChars.Is((byte)b, mask))
            {
                low[b & 0x0F] |= (byte)(1 << (b >> 4));
            }
        }

        return Vector128.Create((ReadOnlySpan<byte>)low);
    }
}
