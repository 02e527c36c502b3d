using System.Globalization;
using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// Reads an xDR CSV file back into rated calls, streaming, one record at a time. A bad row stops the read with a
/// <see cref="CsvFormatException"/> naming the file, line and field: billing never runs on part of a file.
/// </summary>
public static class XdrCsvReader
{
    /// <summary>The calls of the file, in file order.</summary>
    /// <exception cref="CsvFormatException">The header or a row is not valid.</exception>
    public static IEnumerable<RatedCdr> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var fields = new List<string>(16);
        long line = 0;
        var header = NextRecord(reader, fields, ref line, path);
        if (header is null || !fields.SequenceEqual(XdrCsvFormat.Header))
        {
            throw new CsvFormatException(path, 1, "header", $"the header must be exactly {string.Join(",", XdrCsvFormat.Header)}");
        }

        while (NextRecord(reader, fields, ref line, path) is { } start)
        {
            yield return Parse(fields, path, start);
        }
    }

    private static RatedCdr Parse(List<string> f, string path, long line)
    {
        if (f.Count != XdrCsvFormat.Header.Count)
        {
            throw new CsvFormatException(path, line, "column-count", $"{f.Count} columns, expected {XdrCsvFormat.Header.Count}");
        }

        CsvFormatException Bad(int column, string why) => new(path, line, XdrCsvFormat.Header[column], $"'{f[column]}' {why}");
        if (f[0].Length == 0)
        {
            throw Bad(0, "is empty");
        }

        if (!IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(f[4]), out var start))
        {
            throw Bad(4, "is not an ISO 8601 date-time with offset");
        }

        if (!int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var duration))
        {
            throw Bad(5, "is not whole seconds");
        }

        if (!long.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var billed))
        {
            throw Bad(6, "is not whole seconds");
        }

        if (!NumberClassNames.TryParse(f[7], out var cls))
        {
            throw Bad(7, "is not a number class");
        }

        var charge = Amount(f, 10, Bad);
        var discount = Amount(f, 11, Bad);
        var net = Amount(f, 12, Bad);
        if (charge - discount != net)
        {
            throw Bad(12, $"is not charge {charge} less discount {discount}");
        }

        return new RatedCdr(f[0], f[1], f[2], f[3], start, duration, billed, cls, f[8], f[9], charge, discount);
    }

    private static Mills Amount(List<string> f, int column, Func<int, string, CsvFormatException> bad) =>
        Mills.TryParse(f[column], out var value) ? value : throw bad(column, "is not an amount with at most 3 decimals");

    /// <summary>Splits the next RFC 4180 record (which may span lines inside quotes); returns its first line, or null at the end.</summary>
    private static long? NextRecord(StreamReader reader, List<string> fields, ref long line, string path)
    {
        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        var start = ++line;
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i == text.Length)
            {
                if (!quoted)
                {
                    fields.Add(field.ToString());
                    return start;
                }

                // A line break inside quotes belongs to the field.
                text = reader.ReadLine() ?? throw new CsvFormatException(path, start, "quoting", "a quoted field is never closed");
                line++;
                field.Append('\n');
                i = 0;
                continue;
            }

            var c = text[i++];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append(c);
            }
        }
    }
}
