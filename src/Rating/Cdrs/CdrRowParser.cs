using System.Runtime.CompilerServices;
using System.Text.Unicode;
using Centrex.Rating.Charging;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Cdrs;

/// <summary>Splits and checks one CDR record (<c>id,account,caller,callee,start,duration</c>) in place.</summary>
public static class CdrRowParser
{
    /// <summary>
    /// Parses a record. The callee is not checked here: normalizing it is the rating kernel's first step.
    /// </summary>
    /// <param name="record">The record bytes without terminator; quoted fields are unescaped in place.</param>
    /// <param name="fields">Scratch for at least seven field ranges.</param>
    /// <param name="row">The row when the result is <see cref="CdrField.None"/>.</param>
    /// <param name="idField">The id field's range, when it could be split out (even for malformed rows), else default.</param>
    /// <returns><see cref="CdrField.None"/>, or the part that is malformed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static CdrField TryParse(Span<byte> record, Span<Range> fields, out CdrRow row, out Range idField)
    {
        row = default;
        idField = default;
        var fieldRoom = fields[..(CdrCsv.ColumnCount + 1)];
        int count;
        var status = CsvFieldStatus.Ok;
        var plain = CsvFields.TrySplitPlainAscii(record, fieldRoom, out count);
        if (!plain)
        {
            // Quotes or non-ASCII text: check the encoding, then split with unescaping.
            if (!Utf8.IsValid(record))
            {
                return CdrField.Encoding;
            }

            status = CsvFields.Split(record, fieldRoom, out count);
        }
        else if (count > CdrCsv.ColumnCount)
        {
            status = CsvFieldStatus.TooManyFields;
        }

        if (count > 0 && (status == CsvFieldStatus.Ok || count > 1))
        {
            idField = fields[CdrCsv.Id];
        }

        if (status == CsvFieldStatus.BadQuote)
        {
            return CdrField.Quoting;
        }

        if (count != CdrCsv.ColumnCount)
        {
            return CdrField.ColumnCount;
        }

        var id = record[fields[CdrCsv.Id]];
        if (id.IsEmpty || !CdrKeyText.IsClean(id, plain))
        {
            return CdrField.Id;
        }

        if (!CdrKeyText.IsClean(record[fields[CdrCsv.Account]], plain))
        {
            return CdrField.Account;
        }

        if (!IsoTimestamp.TryParse(record[fields[CdrCsv.Start]], out long startSeconds, out var startNanoseconds))
        {
            return CdrField.Start;
        }

        if (!TryParseDuration(record[fields[CdrCsv.Duration]], out var duration))
        {
            return CdrField.Duration;
        }

        row = new CdrRow(id, record[fields[CdrCsv.Account]], record[fields[CdrCsv.Caller]], record[fields[CdrCsv.Callee]], startSeconds, startNanoseconds, duration, plain);
        return CdrField.None;
    }

    /// <summary>Whole seconds, ASCII digits only (no sign, no decimals), 0 to 86,400; leading zeros are allowed.</summary>
    public static bool TryParseDuration(ReadOnlySpan<byte> text, out int seconds)
    {
        seconds = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var significantDigits = 0;
        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            // Leading zeros add nothing; more than five significant digits is past a day (and could overflow).
            if ((seconds != 0 || digit != 0) && ++significantDigits > 5)
            {
                return false;
            }

            seconds = (seconds * 10) + (int)digit;
        }

        return seconds <= BillingIncrements.MaxDurationSeconds;
    }
}
