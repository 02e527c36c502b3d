using System.Runtime.CompilerServices;

namespace Centrex.Rating.Csv;

/// <summary>
/// Splits one RFC 4180 record into fields. Quoted fields are unescaped in place (<c>""</c> becomes <c>"</c>), which
/// only ever shortens them, so the record's own buffer holds the result and nothing is allocated.
/// </summary>
public static partial class CsvFields
{
    /// <summary>Splits <paramref name="record"/> (without its line terminator) into <paramref name="fields"/>.</summary>
    /// <param name="record">The record's bytes; quoted fields are rewritten in place.</param>
    /// <param name="fields">Receives each field's range within <paramref name="record"/>.</param>
    /// <param name="count">Fields found (when <see cref="CsvFieldStatus.TooManyFields"/>, the number that fit plus one).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static CsvFieldStatus Split(Span<byte> record, Span<Range> fields, out int count)
    {
        count = 0;
        var position = 0;
        while (true)
        {
            if (count == fields.Length)
            {
                count++;
                return CsvFieldStatus.TooManyFields;
            }

            int start;
            int end;
            if (position < record.Length && record[position] == (byte)'"')
            {
                if (!TryUnquote(record, position, out start, out end, out position))
                {
                    count++;
                    return CsvFieldStatus.BadQuote;
                }
            }
            else
            {
                var comma = record[position..].IndexOf((byte)',');
                start = position;
                end = comma < 0 ? record.Length : position + comma;
                position = end;
            }

            fields[count++] = new Range(start, end);
            if (position == record.Length)
            {
                return CsvFieldStatus.Ok;
            }

            // position is at a comma: the next field starts after it (a trailing comma means an empty last field).
            position++;
        }
    }

    /// <summary>Unescapes the quoted field opening at <paramref name="quote"/>; <paramref name="next"/> is the byte after it.</summary>
    private static bool TryUnquote(Span<byte> record, int quote, out int start, out int end, out int next)
    {
        start = quote + 1;
        var write = start;
        var read = start;
        while (true)
        {
            var hit = record[read..].IndexOf((byte)'"');
            if (hit < 0)
            {
                end = next = 0;
                return false;
            }

            record.Slice(read, hit).CopyTo(record[write..]);
            write += hit;
            read += hit;
            if (read + 1 < record.Length && record[read + 1] == (byte)'"')
            {
                record[write++] = (byte)'"';
                read += 2;
                continue;
            }

            end = write;
            next = read + 1;
            return next == record.Length || record[next] == (byte)',';
        }
    }
}
