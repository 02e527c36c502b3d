using System.Text;

namespace Centrex.Rating.Csv;

/// <summary>
/// Reads a whole small CSV file (tariffs, NPA tables) held in memory, checking its header. For large files use
/// <see cref="CsvRecordScanner"/> and <see cref="CsvFields"/> directly, as the CDR stream does.
/// </summary>
public static class CsvDocument
{
    /// <summary>Longest record accepted in a small file.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses <paramref name="content"/> (UTF-8, optional BOM, LF or CRLF), requires the header to be exactly
    /// <paramref name="header"/>, and returns the data rows; every row must have the header's column count.
    /// </summary>
    /// <exception cref="CsvFormatException">The header differs, or a row has the wrong shape.</exception>
    public static IReadOnlyList<CsvRow> Read(ReadOnlySpan<byte> content, string source, IReadOnlyList<string> header)
    {
        var bytes = content.StartsWith(Utf8Bom) ? content[3..].ToArray() : content.ToArray();
        var rows = new List<CsvRow>();
        var fields = new Range[header.Count + 1];
        var position = 0;
        long line = 1;
        var sawHeader = false;
        while (true)
        {
            var status = CsvRecordScanner.Scan(bytes.AsSpan(position), isFinalBlock: true, MaxRecordBytes, out var bounds);
            if (status == CsvScanStatus.EndOfData)
            {
                break;
            }

            var record = bytes.AsSpan(position, bounds.ContentLength);
            var count = 0;
            var fieldStatus = bounds.Damaged ? CsvFieldStatus.BadQuote : CsvFields.Split(record, fields, out count);
            var what = sawHeader ? "row" : "header";
            if (fieldStatus == CsvFieldStatus.BadQuote)
            {
                throw new CsvFormatException(source, line, what, "a quoted field is not closed, or text follows its closing quote");
            }

            if (fieldStatus == CsvFieldStatus.TooManyFields || count != header.Count)
            {
                var found = fieldStatus == CsvFieldStatus.TooManyFields ? $"more than {header.Count}" : $"{count}";
                throw new CsvFormatException(source, line, count < header.Count ? header[count] : "(extra column)",
                    $"expected {header.Count} columns ({string.Join(",", header)}), found {found}");
            }

            var values = new string[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = Decode(record[fields[i]], source, line, sawHeader ? header[i] : "header");
            }

            if (!sawHeader)
            {
                CheckHeader(values, header, source);
                sawHeader = true;
            }
            else
            {
                rows.Add(new CsvRow(line, values));
            }

            line += bounds.LineCount;
            position += bounds.TotalLength;
        }

        if (!sawHeader)
        {
            throw new CsvFormatException(source, 1, "header", $"the file is empty; expected the header {string.Join(",", header)}");
        }

        return rows;
    }

    /// <summary>The UTF-8 byte order mark, which files may start with.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static void CheckHeader(string[] values, IReadOnlyList<string> header, string source)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (!string.Equals(values[i], header[i], StringComparison.Ordinal))
            {
                throw new CsvFormatException(source, 1, header[i],
                    $"header column {i + 1} is '{values[i]}', expected '{header[i]}' (header must be exactly {string.Join(",", header)})");
            }
        }
    }

    private static string Decode(ReadOnlySpan<byte> field, string source, long line, string name)
    {
        try
        {
            return StrictUtf8.GetString(field);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException(source, line, name, "not valid UTF-8");
        }
    }
}
