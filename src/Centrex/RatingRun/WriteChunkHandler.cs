using System.Runtime.CompilerServices;
using Centrex.Pipeline;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>
/// The write stage, in file order, after every evaluate handler is past the chunk: applies revocations (records that
/// turned out to be duplicates), adds the chunk's counts to the run's, renders the rejects lines and appends the rated
/// lines (skipping revoked ones) and the rejects to their files.
/// </summary>
internal sealed class WriteChunkHandler(Stream rated, Stream rejects, RatingTally tally, RatingProgress progress) : IEventHandler<CdrChunk>
{
    private readonly ByteBuffer _rejectLines = new(64 * 1024);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnEvent(ref CdrChunk chunk, long sequence, bool endOfBatch)
    {
        tally.Add(chunk.Tally);
        _rejectLines.Clear();
        var lines = chunk.Rated.Written;
        var revoked = Volatile.Read(ref chunk.RevokedCount);
        var written = 0;
        var input = chunk.Input.AsSpan();
        for (var i = 0; i < chunk.RecordCount; i++)
        {
            var status = chunk.Status[i];
            if (status == RecordStatus.Rated && (revoked == 0 || chunk.Revoked[i] == 0))
            {
                continue;
            }

            ref readonly var record = ref chunk.Records[i];
            ref readonly var evaluation = ref chunk.Evaluations[i];
            var reason = status switch
            {
                RecordStatus.Malformed => RejectReason.Malformed,
                RecordStatus.Duplicate => RejectReason.Duplicate,
                _ when revoked != 0 && chunk.Revoked[i] != 0 => RejectReason.Duplicate,
                _ => RejectReason.NoRate,
            };

            if ((status == RecordStatus.Rated || status == RecordStatus.NoRate) && reason == RejectReason.Duplicate)
            {
                tally.ReviseToDuplicate(status == RecordStatus.Rated, evaluation.Call.Charge, evaluation.Call.BilledSeconds);
                if (status == RecordStatus.Rated)
                {
                    // Leave the revoked record's line out: write what comes before it.
                    rated.Write(lines[written..evaluation.RatedLineStart]);
                    written = evaluation.RatedLineStart + evaluation.RatedLineLength;
                }
            }

            RejectLine.Write(record.Line, input.Slice(record.Start, record.Length)[evaluation.Id], reason, _rejectLines);
        }

        rated.Write(lines[written..]);
        rejects.Write(_rejectLines.Written);
        progress.Advance(chunk.SourceBytes, chunk.RecordCount);
    }
}
