using System.Runtime.CompilerServices;
using Centrex.Pipeline;
using Centrex.Rating;
using Centrex.Rating.Cdrs;

namespace Centrex.RatingRun;

/// <summary>
/// Stage 1: parses, checks and rates every record of a chunk and renders the rated line of each one that may be rated
/// (whether it is a duplicate is decided later). Stateless, so several instances share the work: instance
/// <c>k</c> of <c>n</c> takes the chunks whose sequence is <c>k</c> modulo <c>n</c> (the Disruptor's way of
/// spreading one stage over cores).
/// </summary>
internal sealed class EvaluateChunkHandler(Rater rater, int index, int count) : IEventHandler<CdrChunk>
{
    private readonly Range[] _fields = new Range[CdrEvaluator.FieldScratch];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnEvent(ref CdrChunk chunk, long sequence, bool endOfBatch)
    {
        if (sequence % count != index)
        {
            return;
        }

        chunk.Rated.Clear();
        var input = chunk.Input.AsSpan();
        var records = chunk.Records;
        var evaluations = chunk.Evaluations;
        for (var i = 0; i < chunk.RecordCount; i++)
        {
            var record = input.Slice(records[i].Start, records[i].Length);
            ref var evaluation = ref evaluations[i];
            CdrEvaluator.Evaluate(rater, record, records[i].Damaged, _fields, out evaluation);
            evaluation.RatedLineStart = chunk.Rated.Length;
            evaluation.RatedLineLength = evaluation.Malformed == CdrField.None && evaluation.Outcome == RatingOutcome.Rated
                ? RatedLine.Write(record[evaluation.Id], record[evaluation.Account], evaluation.Call, rater.Tariff, chunk.Rated, evaluation.PlainFields)
                : 0;
        }
    }
}
