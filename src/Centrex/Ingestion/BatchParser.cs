using System.Buffers;
using System.Security.Cryptography;
using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Rating;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;
using Centrex.RatingRun;
using Centrex.Switch.Cdrs;

namespace Centrex.Ingestion;

/// <summary>
/// Reads an ingestion batch (the CDR CSV contract of <c>centrex rate</c>), rates every row and encodes its journal
/// entry, on the request's own thread. A batch is all or nothing: the first malformed row refuses the whole batch with
/// its line and field, so a client never has to work out which half of a batch was applied.
/// </summary>
internal sealed class BatchParser(Rater rater, IngestionLimits limits)
{
    private const string Source = "batch";

    /// <summary>Parses and rates <paramref name="body"/>; its quoted fields are unescaped in place.</summary>
    /// <exception cref="CsvFormatException">Bad header or a malformed row (line and field named).</exception>
    /// <exception cref="BatchTooLargeException">More rows than the limit.</exception>
    public ParsedBatch Parse(string key, byte[] body, int length)
    {
        var content = body.AsSpan(0, length);
        var hash = BodyHash(content);
        var position = CdrHeaderCheck.Check(content, isFinal: true, Source, IngestionLimits.MaxRecordBytes);
        // Sized once for a batch of short rows (the generator's are ~60 bytes, ~115 journal bytes each), so a large
        // batch's arrays are not regrown; rented, and given back by the endpoint once the batch is answered.
        var rows = ArrayPool<ParsedRow>.Shared.Rent(Math.Min(limits.MaxRows, (length / 48) + 1));
        var count = 0;
        var journal = new PooledBuffer(Math.Max(256, length * 2));
        try
        {
            var fields = new Range[CdrEvaluator.FieldScratch];
            long line = 2;
            while (CsvRecordScanner.Scan(content[position..], isFinalBlock: true, IngestionLimits.MaxRecordBytes, out var bounds) == CsvScanStatus.Record)
            {
                if (count == limits.MaxRows)
                {
                    throw new BatchTooLargeException($"a batch holds at most {limits.MaxRows:N0} rows");
                }

                var record = body.AsSpan(position, bounds.ContentLength);
                CdrEvaluator.Evaluate(rater, record, bounds.Damaged, fields, out var evaluation);
                if (evaluation.Malformed == CdrField.None && !StateKey.Fits(record[evaluation.Account]))
                {
                    evaluation.Malformed = CdrField.Account;
                }

                if (evaluation.Malformed != CdrField.None)
                {
                    throw new CsvFormatException(Source, line, evaluation.Malformed.ToDisplayName(), Explain(evaluation.Malformed));
                }

                if (SwitchCdrIds.IsReserved(record[evaluation.Id]))
                {
                    throw new CsvFormatException(Source, line, CdrField.Id.ToDisplayName(),
                        $"ids starting with '{SwitchCdrIds.Prefix}' are the switch's own; the API cannot charge under them");
                }

                if (count == rows.Length)
                {
                    rows = Grow(rows, limits.MaxRows);
                }

                var (idOffset, idLength) = evaluation.Id.GetOffsetAndLength(record.Length);
                if (evaluation.Outcome == RatingOutcome.Rated)
                {
                    var start = journal.Length;
                    rows[count++] = new ParsedRow(line, position + idOffset, idLength, Priced: true, start, RatedCdrEntry.Write(record, evaluation, evaluation.Tariff, journal));
                }
                else
                {
                    rows[count++] = new ParsedRow(line, position + idOffset, idLength, Priced: false, 0, 0);
                }

                position += bounds.TotalLength;
                line += bounds.LineCount;
            }
        }
        catch
        {
            // Nothing else has seen them: a refused batch gives its arrays back at once.
            ArrayPool<ParsedRow>.Shared.Return(rows);
            journal.Dispose();
            throw;
        }

        return new ParsedBatch(key, hash, rows, count, journal, body);
    }

    private static ParsedRow[] Grow(ParsedRow[] rows, int limit)
    {
        var grown = ArrayPool<ParsedRow>.Shared.Rent((int)Math.Min(limit, rows.Length * 2L));
        rows.CopyTo(grown, 0);
        ArrayPool<ParsedRow>.Shared.Return(rows);
        return grown;
    }

    private static UInt128 BodyHash(ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    private static string Explain(CdrField field) => field switch
    {
        CdrField.ColumnCount => "a row has exactly 6 fields: id,account,caller,callee,start,duration",
        CdrField.Quoting => "broken quoting (RFC 4180: a quoted field ends with a quote followed by a comma or the line end)",
        CdrField.Encoding => "the row is not valid UTF-8",
        CdrField.Id => $"the id is empty, longer than {CdrIdSet.MaxIdLength} bytes, or has white space at an end or a control character",
        CdrField.Callee => "the callee is not a dialable number (4 to 15 digits after the North American dialing rules)",
        CdrField.Start => "start is an ISO 8601 date-time with seconds and a Z or ±hh:mm offset, in the years 1970 to 9999 (UTC)",
        CdrField.Duration => "duration is whole seconds from 0 to 86400",
        CdrField.Account => $"the account is longer than {StateKey.MaxAccountLength} bytes, or has white space at an end or a control character",
        _ => "malformed",
    };
}
