using System.Runtime.CompilerServices;
using Centrex.Ledger.Journal;
using Centrex.Pipeline;
using Centrex.Rating;
using Centrex.Rating.Cdrs;

namespace Centrex.RatingRun;

/// <summary>
/// The evaluate stage: parses, checks and rates every record of a chunk, claims its id in the run's shared index, and
/// renders its rated line. Several handlers share the stage: handler <c>k</c> of <c>n</c> takes the chunks whose
/// sequence is <c>k</c> modulo <c>n</c> (the Disruptor's way of spreading one stage over cores), so each chunk is read,
/// evaluated and rendered on one core and only its results move on.
/// </summary>
/// <remarks>
/// Chunks are evaluated out of file order, so "the first occurrence of an id wins" is settled by the index keeping the
/// smallest record index per id: a claim that displaces a later record revokes it in that record's chunk, which the
/// write stage (after every handler is past it) turns into a duplicate.
/// </remarks>
internal sealed class EvaluateChunkHandler(Rater rater, ConcurrentCdrIdIndex ids, RingBuffer<CdrChunk> ring, int index, int count, bool encodeJournal = false)
    : IEventHandler<CdrChunk>
{
    /// <summary>Records ahead whose index slot is prefetched: covers a memory access with the work in between.</summary>
    private const int PrefetchDistance = 8;

    /// <summary>Records per block: 256 evaluations (about 22 KB) fit the first-level data cache with room to spare.</summary>
    private const int BlockSize = 256;

    private readonly Range[] _fields = new Range[CdrEvaluator.FieldScratch];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnEvent(ref CdrChunk chunk, long sequence, bool endOfBatch)
    {
        if (sequence % count != index)
        {
            return;
        }

        var records = chunk.Records;
        var evaluations = chunk.Evaluations;
        var recordCount = chunk.RecordCount;
        var input = chunk.Input.AsSpan();
        chunk.Rated.Clear();
        chunk.Journal.Clear();
        chunk.Tally.Reset();
        chunk.RevokedCount = 0;
        Array.Clear(chunk.Revoked, 0, recordCount);

        // Records go in blocks small enough that a block's evaluations stay in the first-level cache between the two
        // passes: the first does everything that needs no shared state, so the second can prefetch index slots ahead.
        var firstIndex = sequence << CdrChunk.IndexBits;
        for (var blockStart = 0; blockStart < recordCount; blockStart += BlockSize)
        {
            var blockEnd = Math.Min(blockStart + BlockSize, recordCount);
            for (var i = blockStart; i < blockEnd; i++)
            {
                CdrEvaluator.Evaluate(rater, input.Slice(records[i].Start, records[i].Length), records[i].Damaged, _fields, out evaluations[i]);
            }

            for (var i = blockStart; i < Math.Min(blockStart + PrefetchDistance, blockEnd); i++)
            {
                Prefetch(evaluations[i]);
            }

            for (var i = blockStart; i < blockEnd; i++)
            {
                if (i + PrefetchDistance < blockEnd)
                {
                    Prefetch(evaluations[i + PrefetchDistance]);
                }

                chunk.Status[i] = Decide(ref chunk, input.Slice(records[i].Start, records[i].Length), records[i].Line, ref evaluations[i], firstIndex + i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(in CdrEvaluation evaluation)
    {
        if (evaluation.Malformed == CdrField.None)
        {
            ids.Prefetch(evaluation.IdHash);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RecordStatus Decide(ref CdrChunk chunk, Span<byte> record, long line, ref CdrEvaluation evaluation, long recordIndex)
    {
        // The order of checks is the file contract: malformed, then duplicate, then no-rate.
        if (evaluation.Malformed != CdrField.None)
        {
            chunk.Tally.CountRejected(RejectReason.Malformed, line, evaluation.Malformed);
            return RecordStatus.Malformed;
        }

        if (!ids.TryClaim(index, record[evaluation.Id], evaluation.IdHash, recordIndex, out var displaced))
        {
            chunk.Tally.CountRejected(RejectReason.Duplicate, line, CdrField.None);
            return RecordStatus.Duplicate;
        }

        if (displaced >= 0)
        {
            Revoke(displaced);
        }

        if (evaluation.Outcome == RatingOutcome.NoRate)
        {
            chunk.Tally.CountRejected(RejectReason.NoRate, line, CdrField.None);
            return RecordStatus.NoRate;
        }

        evaluation.RatedLineStart = chunk.Rated.Length;
        evaluation.RatedLineLength = RatedLine.Write(record[evaluation.Id], record[evaluation.Account], evaluation.Call, evaluation.Tariff, chunk.Rated, evaluation.PlainFields);
        if (encodeJournal)
        {
            // Encoded here, on this core, so the single writer only appends it.
            evaluation.JournalStart = chunk.Journal.Length;
            evaluation.JournalLength = RatedCdrEntry.Write(record, evaluation, evaluation.Tariff, chunk.Journal);
        }

        chunk.Tally.CountRated(evaluation.Call.Charge, evaluation.Call.BilledSeconds);
        return RecordStatus.Rated;
    }

    /// <summary>
    /// Marks a later record, already claimed by the handler of its chunk, as a duplicate. Its slot cannot have been
    /// reused: the write stage has not passed it, since it waits for this handler to finish the earlier chunk.
    /// </summary>
    private void Revoke(long recordIndex)
    {
        ref var chunk = ref ring[recordIndex >> CdrChunk.IndexBits];
        Volatile.Write(ref chunk.Revoked[(int)(recordIndex & (CdrChunk.MaxRecords - 1))], (byte)1);
        Interlocked.Increment(ref chunk.RevokedCount);
    }
}
