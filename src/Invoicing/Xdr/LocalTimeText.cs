using System.Runtime.CompilerServices;
using NodaTime;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// Writes an instant as ISO 8601 local date-time with its UTC offset (<c>2026-10-01T05:00:00-04:00</c>, or <c>Z</c> at
/// offset zero) with integer arithmetic only and no allocation: the xDR writers format a million of these a second.
/// </summary>
public static class LocalTimeText
{
    /// <summary>Most bytes written.</summary>
    public const int MaxLength = 35;

    /// <summary>Writes <paramref name="instant"/> as seen in <paramref name="zone"/>.</summary>
    public static int Write(Instant instant, DateTimeZone zone, Span<byte> destination)
    {
        var offset = zone.GetUtcOffset(instant);
        var unixTicks = instant.ToUnixTimeTicks();
        var seconds = Math.DivRem(unixTicks, NodaConstants.TicksPerSecond, out var ticks);
        if (ticks < 0)
        {
            ticks += NodaConstants.TicksPerSecond;
            seconds--;
        }

        var local = seconds + offset.Seconds;
        var days = Math.DivRem(local, 86_400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86_400;
            days--;
        }

        var (year, month, day) = CivilFromDays(days);
        var p = 0;
        Digits(destination, ref p, year, 4);
        destination[p++] = (byte)'-';
        Digits(destination, ref p, month, 2);
        destination[p++] = (byte)'-';
        Digits(destination, ref p, day, 2);
        destination[p++] = (byte)'T';
        Digits(destination, ref p, (int)(secondOfDay / 3600), 2);
        destination[p++] = (byte)':';
        Digits(destination, ref p, (int)(secondOfDay / 60 % 60), 2);
        destination[p++] = (byte)':';
        Digits(destination, ref p, (int)(secondOfDay % 60), 2);
        if (ticks != 0)
        {
            destination[p++] = (byte)'.';
            var fraction = (int)ticks;
            var width = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                width--;
            }

            Digits(destination, ref p, fraction, width);
        }

        var offsetSeconds = offset.Seconds;
        if (offsetSeconds == 0)
        {
            destination[p++] = (byte)'Z';
            return p;
        }

        destination[p++] = offsetSeconds < 0 ? (byte)'-' : (byte)'+';
        var magnitude = Math.Abs(offsetSeconds);
        Digits(destination, ref p, magnitude / 3600, 2);
        destination[p++] = (byte)':';
        Digits(destination, ref p, magnitude / 60 % 60, 2);
        return p;
    }

    /// <summary>The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's civil_from_days).</summary>
    public static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        var era = (days >= 0 ? days : days - 146_096) / 146_097;
        var dayOfEra = days - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1_460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Digits(Span<byte> destination, ref int p, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[p + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        p += width;
    }
}
