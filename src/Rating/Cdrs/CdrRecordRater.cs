using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// Rates CDR records one at a time, in file order, into rated and rejected CSV lines. Owns the run's duplicate-id set
/// and its tally, so one instance serves one run on one thread. The order of checks is the file contract:
/// malformed first, then duplicate (only ids of earlier well-formed rows count), then no-rate.
/// </summary>
public sealed class CdrRecordRater(Rater rater, CdrIdSet seenIds)
{
    private readonly Range[] _fields = new Range[CdrCsv.ColumnCount + 1];

    /// <summary>Counts so far.</summary>
    public RatingTally Tally { get; } = new();

    /// <summary>Rates one record and appends its line to <paramref name="rated"/> or <paramref name="rejects"/>.</summary>
    /// <param name="record">The record without terminator; rewritten in place while unquoting.</param>
    /// <param name="line">Physical line the record starts on (the header is line 1).</param>
    /// <param name="damaged">The scanner could not delimit the record cleanly (broken quoting, over-long line).</param>
    /// <param name="rated">Receives a rated CSV line.</param>
    /// <param name="rejects">Receives a rejects CSV line.</param>
    public void Process(Span<byte> record, long line, bool damaged, IBufferWriter<byte> rated, IBufferWriter<byte> rejects)
    {
        var field = CdrRowParser.TryParse(record, _fields, out var row, out var idRange);
        if (damaged && field == CdrField.None)
        {
            field = CdrField.Quoting;
        }

        if (field != CdrField.None)
        {
            Reject(RejectReason.Malformed, line, field, idRange.Equals(default) ? default : record[idRange], rejects);
            return;
        }

        var outcome = rater.Rate(row.Callee, row.Duration, out var call);
        if (outcome is RatingOutcome.BadCallee or RatingOutcome.BadDuration)
        {
            Reject(RejectReason.Malformed, line, outcome == RatingOutcome.BadCallee ? CdrField.Callee : CdrField.Duration, row.Id, rejects);
            return;
        }

        if (row.Id.Length > CdrIdSet.MaxIdLength || !seenIds.Add(row.Id))
        {
            Reject(row.Id.Length > CdrIdSet.MaxIdLength ? RejectReason.Malformed : RejectReason.Duplicate, line, CdrField.Id, row.Id, rejects);
            return;
        }

        if (outcome == RatingOutcome.NoRate)
        {
            Reject(RejectReason.NoRate, line, CdrField.None, row.Id, rejects);
            return;
        }

        WriteRated(row, call, rated);
        Tally.CountRated(call.Charge, call.BilledSeconds);
    }

    private void WriteRated(in CdrRow row, in RatedCall call, IBufferWriter<byte> output)
    {
        var prefixAndDestination = rater.Tariff.CsvPrefixAndDestination(call.TariffRow);
        var className = call.Class.ToUtf8WireName();
        var max = CsvText.MaxEncodedLength(row.Id.Length) + CsvText.MaxEncodedLength(row.Account.Length)
            + NormalizedNumber.MaxDigits + prefixAndDestination.Length + className.Length + 20 + 24 + 8;
        var span = output.GetSpan(max);
        var p = 0;
        CsvText.TryWriteField(row.Id, span, out var n);
        p += n;
        span[p++] = (byte)',';
        CsvText.TryWriteField(row.Account, span[p..], out n);
        p += n;
        span[p++] = (byte)',';
        call.Callee.Digits.CopyTo(span[p..]);
        p += call.Callee.Length;
        span[p++] = (byte)',';
        prefixAndDestination.CopyTo(span[p..]);
        p += prefixAndDestination.Length;
        span[p++] = (byte)',';
        className.CopyTo(span[p..]);
        p += className.Length;
        span[p++] = (byte)',';
        Utf8Formatter.TryFormat(call.BilledSeconds, span[p..], out n);
        p += n;
        span[p++] = (byte)',';
        call.Charge.TryFormat(span[p..], out n);
        p += n;
        span[p++] = (byte)'\n';
        output.Advance(p);
    }

    private void Reject(RejectReason reason, long line, CdrField field, ReadOnlySpan<byte> id, IBufferWriter<byte> output)
    {
        Tally.CountRejected(reason, line, field);

        // A row that is not UTF-8 must not make the rejects file invalid too: its id is written with replacement characters.
        var safeId = Utf8.IsValid(id) ? id : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(id));
        var name = reason.ToUtf8WireName();
        var span = output.GetSpan(20 + CsvText.MaxEncodedLength(safeId.Length) + name.Length + 3);
        Utf8Formatter.TryFormat(line, span, out var p);
        span[p++] = (byte)',';
        CsvText.TryWriteField(safeId, span[p..], out var n);
        p += n;
        span[p++] = (byte)',';
        name.CopyTo(span[p..]);
        p += name.Length;
        span[p++] = (byte)'\n';
        output.Advance(p);
    }
}
