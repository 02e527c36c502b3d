using System.Buffers;

namespace Centrex.Rating.Csv;

/// <summary>Writing CSV fields per RFC 4180: quoted only when they must be.</summary>
public static class CsvText
{
    private static readonly SearchValues<byte> NeedsQuotingBytes = SearchValues.Create(",\"\r\n"u8);
    private static readonly SearchValues<char> NeedsQuotingChars = SearchValues.Create(",\"\r\n");

    /// <summary>True when the field holds a comma, quote, CR or LF and must be quoted (RFC 4180 §2.6).</summary>
    public static bool NeedsQuoting(ReadOnlySpan<byte> field) => field.ContainsAny(NeedsQuotingBytes);

    /// <summary>Most bytes <see cref="TryWriteField"/> can produce for a field of this length.</summary>
    public static int MaxEncodedLength(int fieldLength) => (fieldLength * 2) + 2;

    /// <summary>Writes a field, quoted and with doubled quotes when needed; false if the destination is too small.</summary>
    public static bool TryWriteField(ReadOnlySpan<byte> field, Span<byte> destination, out int written)
    {
        written = 0;
        if (!NeedsQuoting(field))
        {
            if (!field.TryCopyTo(destination))
            {
                return false;
            }

            written = field.Length;
            return true;
        }

        if (destination.Length < MaxEncodedLength(field.Length))
        {
            return false;
        }

        var p = 0;
        destination[p++] = (byte)'"';
        foreach (var b in field)
        {
            if (b == (byte)'"')
            {
                destination[p++] = (byte)'"';
            }

            destination[p++] = b;
        }

        destination[p++] = (byte)'"';
        written = p;
        return true;
    }

    /// <summary>A field as it must appear in a CSV file (quoted when needed).</summary>
    public static string Escape(string field) =>
        field.AsSpan().ContainsAny(NeedsQuotingChars) ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
