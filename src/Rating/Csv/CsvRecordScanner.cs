using System.Buffers;
using System.Runtime.CompilerServices;

namespace Centrex.Rating.Csv;

/// <summary>
/// Finds record boundaries in RFC 4180 CSV bytes: a record ends at LF or CRLF outside a quoted field. Only a quote at
/// the start of a field opens a quoted field, so a stray quote inside an unquoted field cannot swallow later lines.
/// </summary>
public static class CsvRecordScanner
{
    private static readonly SearchValues<byte> LineBreakOrQuote = SearchValues.Create("\n\""u8);

    /// <summary>Scans the record that starts at <paramref name="buffer"/>[0].</summary>
    /// <param name="buffer">Bytes from the start of the record; when not final, at least <paramref name="maxRecordBytes"/> + 2 of them, or all that remain.</param>
    /// <param name="isFinalBlock">True when no more data follows the buffer (end of file).</param>
    /// <param name="maxRecordBytes">Longest record accepted; longer ones come back <see cref="CsvRecordBounds.Damaged"/>.</param>
    /// <param name="record">The record found.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static CsvScanStatus Scan(ReadOnlySpan<byte> buffer, bool isFinalBlock, int maxRecordBytes, out CsvRecordBounds record)
    {
        record = default;
        if (buffer.IsEmpty)
        {
            return isFinalBlock ? CsvScanStatus.EndOfData : CsvScanStatus.NeedMoreData;
        }

        // Room for a CRLF after a record of exactly the limit.
        var window = buffer[..Math.Min(buffer.Length, maxRecordBytes + 2)];
        var windowIsAllData = isFinalBlock && window.Length == buffer.Length;
        var lineBreaks = 0;
        var position = 0;
        var inQuote = false;
        while (true)
        {
            var hit = window[position..].IndexOfAny(LineBreakOrQuote);
            if (hit < 0)
            {
                break;
            }

            var at = position + hit;
            if (window[at] == (byte)'\n')
            {
                var content = at > 0 && window[at - 1] == (byte)'\r' ? at - 1 : at;
                if (content > maxRecordBytes)
                {
                    return CutAtFirstLineBreak(buffer, isFinalBlock, out record);
                }

                record = new CsvRecordBounds(content, at + 1, lineBreaks + 1, Damaged: false);
                return CsvScanStatus.Record;
            }

            // A quote opens a quoted field only at the start of a field (RFC 4180 §2.5); elsewhere it is data.
            if (at != 0 && window[at - 1] != (byte)',')
            {
                position = at + 1;
                continue;
            }

            var close = FindClosingQuote(window, at + 1, windowIsAllData, ref lineBreaks);
            if (close < 0)
            {
                inQuote = true;
                break;
            }

            position = close + 1;
        }

        if (buffer.Length >= maxRecordBytes + 2)
        {
            return CutAtFirstLineBreak(buffer, isFinalBlock, out record);
        }

        if (!isFinalBlock)
        {
            return CsvScanStatus.NeedMoreData;
        }

        if (inQuote)
        {
            // A quoted field still open at the end of the file (RFC 4180 §2.5 needs a closing quote).
            return CutAtFirstLineBreak(buffer, isFinalBlock, out record);
        }

        // The last record may lack a line terminator (RFC 4180 §2.2).
        var last = buffer[^1] == (byte)'\r' ? buffer.Length - 1 : buffer.Length;
        record = new CsvRecordBounds(last, buffer.Length, lineBreaks + 1, Damaged: false);
        return CsvScanStatus.Record;
    }

    /// <summary>Index of the quote closing a quoted field whose content starts at <paramref name="from"/>, or -1 if not in the window.</summary>
    private static int FindClosingQuote(ReadOnlySpan<byte> window, int from, bool windowIsAllData, ref int lineBreaks)
    {
        var i = from;
        while (true)
        {
            var hit = window[i..].IndexOfAny(LineBreakOrQuote);
            if (hit < 0)
            {
                return -1;
            }

            i += hit;
            if (window[i] == (byte)'\n')
            {
                lineBreaks++;
                i++;
                continue;
            }

            if (i + 1 == window.Length)
            {
                // Whether this quote is escaped ("") depends on the next byte, unless nothing follows at all.
                return windowIsAllData ? i : -1;
            }

            if (window[i + 1] == (byte)'"')
            {
                i += 2; // An escaped quote (RFC 4180 §2.7).
                continue;
            }

            return i;
        }
    }

    /// <summary>
    /// The record cannot be parsed: cut it at its first line break so the following lines are read normally.
    /// </summary>
    private static CsvScanStatus CutAtFirstLineBreak(ReadOnlySpan<byte> buffer, bool isFinalBlock, out CsvRecordBounds record)
    {
        var lineFeed = buffer.IndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            record = new CsvRecordBounds(buffer.Length, buffer.Length, 1, Damaged: true);
            return isFinalBlock ? CsvScanStatus.Record : CsvScanStatus.LineTooLong;
        }

        var content = lineFeed > 0 && buffer[lineFeed - 1] == (byte)'\r' ? lineFeed - 1 : lineFeed;
        record = new CsvRecordBounds(content, lineFeed + 1, 1, Damaged: true);
        return CsvScanStatus.Record;
    }
}
