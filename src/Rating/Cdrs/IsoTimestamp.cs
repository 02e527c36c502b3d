using System.Runtime.CompilerServices;
using NodaTime;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// Parses the CDR <c>start</c> field: an ISO 8601 / RFC 3339 date-time with seconds and an explicit offset,
/// <c>YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)</c>, from bytes, with no allocation. The fraction has 1 to 9 digits.
/// <c>T</c> and <c>Z</c> may be lower case (RFC 3339 §5.6 note). Calendar dates are checked (no 30 February).
/// </summary>
public static class IsoTimestamp
{
    private const int MaxOffsetHours = 18; // NodaTime's Offset range, wider than any zone in use (−12 to +14).

    /// <summary>Parses <paramref name="text"/>; false when it is not exactly such a timestamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static bool TryParse(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year)
            || text[4] != (byte)'-' || !TryDigits(text, 5, 2, out var month)
            || text[7] != (byte)'-' || !TryDigits(text, 8, 2, out var day)
            || (text[10] | 0x20) != (byte)'t'
            || !TryDigits(text, 11, 2, out var hour)
            || text[13] != (byte)':' || !TryDigits(text, 14, 2, out var minute)
            || text[16] != (byte)':' || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long nanoseconds = 0;
        if (text[position] == (byte)'.')
        {
            var digits = 0;
            for (position++; position < text.Length && (uint)(text[position] - '0') <= 9; position++, digits++)
            {
                if (digits == 9)
                {
                    return false;
                }

                nanoseconds = (nanoseconds * 10) + (text[position] - '0');
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 9; digits++)
            {
                nanoseconds *= 10;
            }
        }

        if (!TryOffset(text[position..], out var offsetSeconds))
        {
            return false;
        }

        var localSeconds = (DaysFromCivil(year, month, day) * 86_400L) + (hour * 3_600) + (minute * 60) + second;
        instant = Instant.FromUnixTimeSeconds(localSeconds - offsetSeconds).PlusNanoseconds(nanoseconds);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out int seconds)
    {
        seconds = 0;
        if (text.Length == 1 && (text[0] | 0x20) == (byte)'z')
        {
            return true;
        }

        if (text.Length != 6 || (text[0] != (byte)'+' && text[0] != (byte)'-') || text[3] != (byte)':'
            || !TryDigits(text, 1, 2, out var hours) || !TryDigits(text, 4, 2, out var minutes)
            || hours > MaxOffsetHours || minutes > 59)
        {
            return false;
        }

        seconds = ((hours * 60) + minutes) * 60 * (text[0] == (byte)'-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    private static int DaysInMonth(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : 30 + ((month + (month >> 3)) & 1);

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).</summary>
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
