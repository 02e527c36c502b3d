using System.Buffers.Text;
using NodaTime;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// Writes an instant as RFC 3339 UTC text, <c>2026-10-01T09:00:00Z</c> or with the fraction it has
/// (<c>2026-10-01T09:00:00.25Z</c>), into bytes without allocating: the form <c>centrex rate</c> reads
/// (<see cref="Centrex.Rating.Cdrs.IsoTimestamp"/>).
/// </summary>
internal static class IsoInstant
{
    /// <summary>Longest text written: <c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c>.</summary>
    public const int MaxLength = 30;

    public static int Write(Instant instant, Span<byte> destination)
    {
        var utc = instant.InUtc();
        var p = 0;
        Digits(utc.Year, 4, destination, ref p);
        destination[p++] = (byte)'-';
        Digits(utc.Month, 2, destination, ref p);
        destination[p++] = (byte)'-';
        Digits(utc.Day, 2, destination, ref p);
        destination[p++] = (byte)'T';
        Digits(utc.Hour, 2, destination, ref p);
        destination[p++] = (byte)':';
        Digits(utc.Minute, 2, destination, ref p);
        destination[p++] = (byte)':';
        Digits(utc.Second, 2, destination, ref p);
        var nanos = utc.NanosecondOfSecond;
        if (nanos != 0)
        {
            destination[p++] = (byte)'.';
            var width = 9;
            while (nanos % 10 == 0)
            {
                nanos /= 10;
                width--;
            }

            Digits(nanos, width, destination, ref p);
        }

        destination[p++] = (byte)'Z';
        return p;
    }

    private static void Digits(int value, int width, Span<byte> destination, ref int position)
    {
        Utf8Formatter.TryFormat(value, destination[position..], out var written, new System.Buffers.StandardFormat('D', (byte)width));
        position += written;
    }
}
