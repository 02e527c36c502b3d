using System.Buffers;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// Rates CDR records one at a time, in file order, into rated and rejected CSV lines: <see cref="CdrEvaluator"/>,
/// <see cref="CdrOutcomeRecorder"/> and <see cref="RatedLine"/> on one thread. The file pipeline runs the same steps
/// on separate stages instead.
/// </summary>
public sealed class CdrRecordRater(Rater rater, CdrIdSet seenIds)
{
    private readonly Range[] _fields = new Range[CdrEvaluator.FieldScratch];
    private readonly CdrOutcomeRecorder _recorder = new(seenIds);

    /// <summary>Counts so far.</summary>
    public RatingTally Tally => _recorder.Tally;

    /// <summary>Rates one record and appends its line to <paramref name="rated"/> or <paramref name="rejects"/>.</summary>
    /// <param name="record">The record without terminator; rewritten in place while unquoting.</param>
    /// <param name="line">Physical line the record starts on (the header is line 1).</param>
    /// <param name="damaged">The scanner could not delimit the record cleanly (broken quoting, over-long line).</param>
    /// <param name="rated">Receives a rated CSV line.</param>
    /// <param name="rejects">Receives a rejects CSV line.</param>
    public void Process(Span<byte> record, long line, bool damaged, IBufferWriter<byte> rated, IBufferWriter<byte> rejects)
    {
        CdrEvaluator.Evaluate(rater, record, damaged, _fields, out var evaluation);
        if (_recorder.Decide(record, line, evaluation, rejects) == CdrDisposition.Rated)
        {
            RatedLine.Write(record[evaluation.Id], record[evaluation.Account], evaluation.Call, evaluation.Tariff, rated);
        }
    }
}
