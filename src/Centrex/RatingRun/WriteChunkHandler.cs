using Centrex.Pipeline;

namespace Centrex.RatingRun;

/// <summary>
/// The write stage: appends each chunk's rated lines (skipping the gaps of duplicates) and rejected lines to their
/// files, in file order.
/// </summary>
internal sealed class WriteChunkHandler(Stream rated, Stream rejects, RatingProgress progress) : IEventHandler<CdrChunk>
{
    public void OnEvent(ref CdrChunk chunk, long sequence, bool endOfBatch)
    {
        var lines = chunk.Rated.Written;
        var from = 0;
        for (var i = 0; i < chunk.GapCount; i++)
        {
            var (start, length) = chunk.Gaps[i].GetOffsetAndLength(lines.Length);
            rated.Write(lines[from..start]);
            from = start + length;
        }

        rated.Write(lines[from..]);
        rejects.Write(chunk.Rejects.Written);
        progress.Advance(chunk.SourceBytes, chunk.RecordCount);
    }
}
