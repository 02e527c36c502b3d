using System.Numerics;
using System.Runtime.CompilerServices;

namespace Centrex.Rating.Money;

/// <summary>
/// Parsing and printing of scaled integers as plain decimal text (<c>12.345</c>), with no floating point,
/// for both UTF-16 and UTF-8. Only the edges of the system (files, screens) see decimal text.
/// </summary>
public static class FixedPointText
{
    private static readonly long[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    ];

    /// <summary>
    /// Parses <c>[-]digits[.digits]</c> (or <c>.digits</c>) with at most <paramref name="scale"/> fractional digits into
    /// an integer scaled by 10^<paramref name="scale"/>. Returns false on any other text or on overflow.
    /// </summary>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> text, int scale, bool allowSign, out long scaled)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        scaled = 0;
        var i = 0;
        var negative = false;
        if (allowSign && text.Length > 0 && int.CreateTruncating(text[0]) == '-')
        {
            negative = true;
            i = 1;
        }

        long whole = 0;
        var wholeDigits = 0;
        for (; i < text.Length; i++)
        {
            var d = int.CreateTruncating(text[i]) - '0';
            if ((uint)d > 9)
            {
                break;
            }

            if (whole > (long.MaxValue - d) / 10)
            {
                return false;
            }

            whole = (whole * 10) + d;
            wholeDigits++;
        }

        long fraction = 0;
        var fractionDigits = 0;
        if (i < text.Length && int.CreateTruncating(text[i]) == '.')
        {
            for (i++; i < text.Length; i++)
            {
                var d = int.CreateTruncating(text[i]) - '0';
                if ((uint)d > 9 || fractionDigits == scale)
                {
                    return false;
                }

                fraction = (fraction * 10) + d;
                fractionDigits++;
            }

            if (fractionDigits == 0)
            {
                return false;
            }
        }

        if (i != text.Length || wholeDigits + fractionDigits == 0)
        {
            return false;
        }

        fraction *= PowersOfTen[scale - fractionDigits];
        try
        {
            var magnitude = checked((whole * PowersOfTen[scale]) + fraction);
            scaled = negative ? -magnitude : magnitude;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="scaled"/> / 10^<paramref name="scale"/> with exactly <paramref name="scale"/> decimals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryFormat<TChar>(long scaled, int scale, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Work on the magnitude as ulong so long.MinValue has a representable absolute value.
        var negative = scaled < 0;
        var magnitude = negative ? unchecked((ulong)(-(scaled + 1)) + 1) : (ulong)scaled;
        Span<byte> digits = stackalloc byte[20];
        var count = 0;
        do
        {
            (magnitude, var digit) = Math.DivRem(magnitude, 10UL);
            digits[count++] = (byte)('0' + digit);
        }
        while (magnitude != 0);

        // Pad so there is at least one whole digit before the point.
        while (count <= scale)
        {
            digits[count++] = (byte)'0';
        }

        var length = count + (negative ? 1 : 0) + (scale > 0 ? 1 : 0);
        if (length > destination.Length)
        {
            written = 0;
            return false;
        }

        var p = 0;
        if (negative)
        {
            destination[p++] = TChar.CreateTruncating('-');
        }

        for (var k = count - 1; k >= 0; k--)
        {
            destination[p++] = TChar.CreateTruncating(digits[k]);
            if (k == scale && scale > 0)
            {
                destination[p++] = TChar.CreateTruncating('.');
            }
        }

        written = p;
        return true;
    }
}
