using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>Refuses CDR input whose first record is not exactly the columns <c>id,account,caller,callee,start,duration</c>.</summary>
internal static class CdrHeaderCheck
{
    /// <summary>Most bytes of a wrong header quoted in the message.</summary>
    private const int ShownHeaderBytes = 120;

    /// <summary>Reads the first record of <paramref name="stream"/> and checks it; leaves the stream at its start.</summary>
    /// <exception cref="CsvFormatException">The header is missing or different.</exception>
    public static void Check(Stream stream, string path, int maxRecordBytes)
    {
        var buffer = new byte[maxRecordBytes + 5];
        var length = 0;
        int n;
        while (length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += n;
        }

        stream.Position = 0;
        Check(buffer.AsSpan(0, length), isFinal: length < buffer.Length, path, maxRecordBytes);
    }

    /// <summary>Checks the header at the start of <paramref name="content"/>; returns where the data rows begin.</summary>
    /// <param name="content">The input from its first byte (a UTF-8 byte order mark is skipped).</param>
    /// <param name="isFinal">Whether <paramref name="content"/> is all of the input.</param>
    /// <param name="source">The input's name in messages.</param>
    /// <param name="maxRecordBytes">Longest record accepted.</param>
    /// <exception cref="CsvFormatException">The header is missing or different.</exception>
    public static int Check(ReadOnlySpan<byte> content, bool isFinal, string source, int maxRecordBytes)
    {
        var offset = content.StartsWith(CsvDocument.Utf8Bom) ? CsvDocument.Utf8Bom.Length : 0;
        content = content[offset..];
        var expected = string.Join(",", CdrCsv.CdrHeader);
        var status = CsvRecordScanner.Scan(content, isFinal, maxRecordBytes, out var record);
        if (status == CsvScanStatus.EndOfData)
        {
            throw new CsvFormatException(source, 1, "header", $"the input is empty; expected the header {expected}");
        }

        // The header is a record like any other (RFC 4180 §2.3): its names may be quoted.
        var header = status == CsvScanStatus.Record && !record.Damaged ? content[..record.ContentLength].ToArray() : [];
        var fields = new Range[CdrCsv.CdrHeader.Count + 1];
        var split = CsvFields.Split(header, fields, out var count);
        var matches = split == CsvFieldStatus.Ok && count == CdrCsv.CdrHeader.Count;
        for (var i = 0; matches && i < count; i++)
        {
            matches = Encoding.UTF8.GetString(header.AsSpan(fields[i])) == CdrCsv.CdrHeader[i];
        }

        if (!matches)
        {
            // Escaped, bytes that do not decode as \xNN: a binary file's "header" must not reach the terminal raw (issue 13).
            var shown = PrintableText.Escape(record.ContentLength > 0 && !record.Damaged ? content[..record.ContentLength] : content, ShownHeaderBytes);
            throw new CsvFormatException(source, 1, "header", $"the header is '{shown}'; CDR input must start with exactly {expected}");
        }

        return offset + record.TotalLength;
    }
}
