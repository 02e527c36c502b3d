using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NodaTime;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// Parses the CDR <c>start</c> field: an ISO 8601 / RFC 3339 date-time with seconds and an explicit offset,
/// <c>YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)</c>, from bytes, with no allocation. The fraction has 1 to 9 digits.
/// <c>T</c> and <c>Z</c> may be lower case (RFC 3339 §5.6 note). Calendar dates are checked (no 30 February).
/// The moment must fall in the years 1970 to 9999 (UTC): a call before the Unix epoch or past 9999 would be charged to
/// a period (<c>YYYY-MM</c>) that nothing can display or bill (issue 13), so such a start is not a CDR start.
/// </summary>
public static class IsoTimestamp
{
    private const int MaxOffsetHours = 18; // NodaTime's Offset range, wider than any zone in use (−12 to +14).
    private const int FixedPart = 19; // YYYY-MM-DDThh:mm:ss

    /// <summary>9999-12-31T23:59:59Z as Unix seconds: the last second of the last displayable year.</summary>
    private const long LastUnixSecond = 253_402_300_799;

    /// <summary>Parses <paramref name="text"/>; false when it is not exactly such a timestamp.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out Instant instant)
    {
        if (!TryParse(text, out long unixSeconds, out var nanoseconds))
        {
            instant = default;
            return false;
        }

        instant = Instant.FromUnixTimeSeconds(unixSeconds).PlusNanoseconds(nanoseconds);
        return true;
    }

    /// <summary>
    /// Parses <paramref name="text"/> into whole seconds since 1970-01-01T00:00:00Z and the nanoseconds after them,
    /// the form the rating hot path keeps (an <see cref="Instant"/> is built only where one is needed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static bool TryParse(ReadOnlySpan<byte> text, out long unixSeconds, out int nanoseconds)
    {
        unixSeconds = 0;
        nanoseconds = 0;
        if (text.Length < FixedPart + 1)
        {
            return false;
        }

        // The fixed part is checked without a branch per character: every digit position must give 0–9 after
        // subtracting '0' (see Digit), and the separators must match exactly.
        ref var p = ref MemoryMarshal.GetReference(text);
        uint invalid = 0;
        var year = (int)((Digit(ref p, 0, ref invalid) * 1000) + (Digit(ref p, 1, ref invalid) * 100) + (Digit(ref p, 2, ref invalid) * 10) + Digit(ref p, 3, ref invalid));
        var month = (int)((Digit(ref p, 5, ref invalid) * 10) + Digit(ref p, 6, ref invalid));
        var day = (int)((Digit(ref p, 8, ref invalid) * 10) + Digit(ref p, 9, ref invalid));
        var hour = (int)((Digit(ref p, 11, ref invalid) * 10) + Digit(ref p, 12, ref invalid));
        var minute = (int)((Digit(ref p, 14, ref invalid) * 10) + Digit(ref p, 15, ref invalid));
        var second = (int)((Digit(ref p, 17, ref invalid) * 10) + Digit(ref p, 18, ref invalid));
        var separators = (Unsafe.Add(ref p, 4) ^ '-') | (Unsafe.Add(ref p, 7) ^ '-') | ((Unsafe.Add(ref p, 10) | 0x20) ^ 't')
            | (Unsafe.Add(ref p, 13) ^ ':') | (Unsafe.Add(ref p, 16) ^ ':');
        if ((invalid >> 31) != 0 || separators != 0
            || year < 1 || (uint)(month - 1) > 11 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = FixedPart;
        if (text[position] == (byte)'.' && !TryFraction(text, ref position, out nanoseconds))
        {
            return false;
        }

        if (!TryOffset(text[position..], out var offsetSeconds))
        {
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * 86_400L) + (hour * 3_600) + (minute * 60) + second - offsetSeconds;

        // One unsigned compare refuses both ends: before 1970 (negative) and after 9999, in UTC, so an offset cannot
        // carry 1970-01-01T00:30:00+01:00 back into 1969 or 9999-12-31T23:00:00-05:00 on into 10000.
        if ((ulong)seconds > LastUnixSecond)
        {
            nanoseconds = 0;
            return false;
        }

        unixSeconds = seconds;
        return true;
    }

    /// <summary>The digit at <paramref name="index"/> as 0–9; any other byte sets bit 31 of <paramref name="invalid"/>.</summary>
    /// <remarks>
    /// d = byte − '0' as unsigned: a byte below '0' wraps to 2^32 − 48 or more (bit 31 set in d); a byte above '9'
    /// gives 10 ≤ d &lt; 2^31, so 9 − d wraps (bit 31 set in 9 − d); a digit leaves both below 2^31.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit(ref byte text, int index, ref uint invalid)
    {
        var digit = (uint)(Unsafe.Add(ref text, index) - '0');
        invalid |= (9 - digit) | digit;
        return digit;
    }

    /// <summary>1 to 9 fraction digits after the point at <paramref name="position"/>, as nanoseconds.</summary>
    private static bool TryFraction(ReadOnlySpan<byte> text, ref int position, out int nanoseconds)
    {
        nanoseconds = 0;
        var digits = 0;
        for (position++; position < text.Length && (uint)(text[position] - '0') <= 9; position++, digits++)
        {
            if (digits == 9)
            {
                return false;
            }

            nanoseconds = (nanoseconds * 10) + (text[position] - '0');
        }

        for (var scale = digits; scale < 9; scale++)
        {
            nanoseconds *= 10;
        }

        return digits > 0;
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out int seconds)
    {
        seconds = 0;
        if (text.Length == 1 && (text[0] | 0x20) == (byte)'z')
        {
            return true;
        }

        if (text.Length != 6 || (text[0] != (byte)'+' && text[0] != (byte)'-') || text[3] != (byte)':')
        {
            return false;
        }

        ref var p = ref MemoryMarshal.GetReference(text);
        uint invalid = 0;
        var hours = (int)((Digit(ref p, 1, ref invalid) * 10) + Digit(ref p, 2, ref invalid));
        var minutes = (int)((Digit(ref p, 4, ref invalid) * 10) + Digit(ref p, 5, ref invalid));
        if ((invalid >> 31) != 0 || hours > MaxOffsetHours || minutes > 59)
        {
            return false;
        }

        seconds = ((hours * 60) + minutes) * 60 * (text[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : 30 + ((month + (month >> 3)) & 1);

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long DaysFromCivil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }
}
