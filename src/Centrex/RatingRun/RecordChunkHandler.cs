using System.Runtime.CompilerServices;
using Centrex.Pipeline;
using Centrex.Rating.Cdrs;

namespace Centrex.RatingRun;

/// <summary>
/// Stage 2: in file order, detects duplicates, counts, and writes the rejects lines. A rated line the evaluate stage
/// rendered for a record that turns out to be a duplicate is listed as a gap for the write stage to skip, so no
/// rated bytes are moved. The run's state lives here, on one thread.
/// </summary>
internal sealed class RecordChunkHandler(CdrOutcomeRecorder recorder) : IEventHandler<CdrChunk>
{
    /// <summary>
    /// How many records ahead the duplicate index is prefetched: enough to cover a memory access (~100 ns) with the
    /// records in between.
    /// </summary>
    private const int PrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnEvent(ref CdrChunk chunk, long sequence, bool endOfBatch)
    {
        chunk.Rejects.Clear();
        chunk.GapCount = 0;
        var input = chunk.Input.AsSpan();
        var records = chunk.Records;
        var evaluations = chunk.Evaluations;
        var count = chunk.RecordCount;
        for (var i = 0; i < Math.Min(PrefetchDistance, count); i++)
        {
            recorder.Prefetch(evaluations[i]);
        }

        for (var i = 0; i < count; i++)
        {
            if (i + PrefetchDistance < count)
            {
                recorder.Prefetch(evaluations[i + PrefetchDistance]);
            }

            ref readonly var evaluation = ref evaluations[i];
            var disposition = recorder.Decide(input.Slice(records[i].Start, records[i].Length), records[i].Line, evaluation, chunk.Rejects);
            if (evaluation.RatedLineLength != 0 && disposition != CdrDisposition.Rated)
            {
                chunk.AddGap(new Range(evaluation.RatedLineStart, evaluation.RatedLineStart + evaluation.RatedLineLength));
            }
        }
    }
}
