using System.Buffers;
using System.Runtime.CompilerServices;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// The second, stateful half of rating CDR records, in file order: duplicate detection against the run's id set, the
/// tally, and the rejects line when a record is rejected. The order of checks is the file contract: malformed first,
/// then duplicate (only ids of earlier well-formed rows count), then no-rate. The rated line itself is rendered by
/// whoever calls (<see cref="RatedLine"/>), so that work can run on another stage. One instance per run, on one
/// thread.
/// </summary>
public sealed class CdrOutcomeRecorder(CdrIdSet seenIds)
{
    /// <summary>Counts so far.</summary>
    public RatingTally Tally { get; } = new();

    /// <summary>Decides one evaluated record: counts it and, when it is rejected, appends its rejects line.</summary>
    /// <param name="record">The record as left by <see cref="CdrEvaluator.Evaluate"/> (fields unescaped in place).</param>
    /// <param name="line">Physical line the record starts on (the header is line 1).</param>
    /// <param name="evaluation">What the evaluator found.</param>
    /// <param name="rejects">Receives a rejects CSV line.</param>
    /// <returns>Whether the record's rated line belongs in the rated output.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public CdrDisposition Decide(ReadOnlySpan<byte> record, long line, in CdrEvaluation evaluation, IBufferWriter<byte> rejects)
    {
        var id = record[evaluation.Id];
        if (evaluation.Malformed != CdrField.None)
        {
            return Reject(RejectReason.Malformed, line, evaluation.Malformed, id, rejects);
        }

        if (!seenIds.Add(id, evaluation.IdHash))
        {
            return Reject(RejectReason.Duplicate, line, CdrField.None, id, rejects);
        }

        if (evaluation.Outcome == RatingOutcome.NoRate)
        {
            return Reject(RejectReason.NoRate, line, CdrField.None, id, rejects);
        }

        Tally.CountRated(evaluation.Call.Charge, evaluation.Call.BilledSeconds);
        return CdrDisposition.Rated;
    }

    private CdrDisposition Reject(RejectReason reason, long line, CdrField field, ReadOnlySpan<byte> id, IBufferWriter<byte> output)
    {
        Tally.CountRejected(reason, line, field);
        RejectLine.Write(line, id, reason, output);
        return CdrDisposition.Rejected;
    }
}
