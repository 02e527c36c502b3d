using System.Runtime.CompilerServices;

namespace Centrex.Rating.Cdrs;

/// <summary>The first, stateless half of rating a CDR record: parse, check and rate it. Thread-safe.</summary>
public static class CdrEvaluator
{
    /// <summary>Scratch field ranges a caller provides to <see cref="Evaluate"/>.</summary>
    public const int FieldScratch = CdrCsv.ColumnCount + 1;

    /// <summary>Parses and rates one record.</summary>
    /// <remarks>
    /// The per-row methods are jitted fully optimized at their first call (AggressiveOptimization): a file run lasts
    /// seconds, too short for tiered compilation to promote their loops, and its background compiler competes for
    /// the same two cores (measured: about 9% of CPU in a 2-million-row run).
    /// </remarks>
    /// <param name="rater">The rating kernel.</param>
    /// <param name="record">The record without terminator; quoted fields are unescaped in place.</param>
    /// <param name="damaged">The scanner could not delimit it cleanly.</param>
    /// <param name="fields">Scratch of at least <see cref="FieldScratch"/> ranges.</param>
    /// <param name="result">What was found.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(Rater rater, Span<byte> record, bool damaged, Span<Range> fields, out CdrEvaluation result)
    {
        Unsafe.SkipInit(out result);
        result.Tariff = rater.Tariff; // a reference field is never left uninitialized
        var malformed = CdrRowParser.TryParse(record, fields, out var row, out result.Id);
        if (damaged && malformed == CdrField.None)
        {
            malformed = CdrField.Quoting;
        }

        result.Malformed = malformed;
        if (malformed != CdrField.None)
        {
            result.Outcome = RatingOutcome.BadCallee;
            result.Account = default;
            return;
        }

        result.Account = fields[CdrCsv.Account];
        result.Caller = fields[CdrCsv.Caller];
        result.StartUnixSeconds = row.StartUnixSeconds;
        result.StartNanoseconds = row.StartNanoseconds;
        result.DurationSeconds = row.Duration;
        result.PlainFields = row.IsPlain;
        result.IdHash = CdrIdSet.Hash(row.Id);
        rater = rater.At(row.StartUnixSeconds); // the tariff in force at the call's start (issue 16)
        result.Tariff = rater.Tariff;
        result.Outcome = rater.Rate(row.Callee, row.Duration, out result.Call);
        if (result.Outcome == RatingOutcome.Rated && rater.AccountRulesAt((row.StartUnixSeconds * TimeSpan.TicksPerSecond) + (row.StartNanoseconds / 100)) is { } rules)
        {
            rules.Apply(record[result.Account], ref result.Call);
        }

        if (result.Outcome == RatingOutcome.BadCallee)
        {
            result.Malformed = CdrField.Callee;
        }
        else if (result.Outcome == RatingOutcome.BadDuration)
        {
            result.Malformed = CdrField.Duration;
        }
        else if (row.Id.Length > CdrIdSet.MaxIdLength)
        {
            result.Malformed = CdrField.Id;
        }
    }
}
