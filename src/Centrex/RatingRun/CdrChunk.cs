using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>
/// One ring slot of the rating pipeline: a block of whole CDR records read from the file, and the rated and rejected
/// lines produced from them. Every buffer is allocated once when the ring is built and reused for the whole run,
/// which is what keeps memory bounded whatever the file size.
/// </summary>
internal struct CdrChunk
{
    /// <summary>Raw record bytes; quoted fields are unescaped in place by the rating stage.</summary>
    public byte[] Input;

    /// <summary>The records in <see cref="Input"/>.</summary>
    public ChunkRecord[] Records;

    /// <summary>How many of <see cref="Records"/> are in use.</summary>
    public int RecordCount;

    /// <summary>The evaluate stage's findings, one per record (same index).</summary>
    public CdrEvaluation[] Evaluations;

    /// <summary>File bytes this chunk accounts for (including skipped ones), for progress.</summary>
    public long SourceBytes;

    /// <summary>Rated CSV lines: rendered by the evaluate stage, duplicates dropped by the record stage.</summary>
    public ByteBuffer Rated;

    /// <summary>Byte ranges of <see cref="Rated"/> to leave out: lines of records found to be duplicates.</summary>
    public Range[] Gaps;

    /// <summary>How many of <see cref="Gaps"/> are in use, in increasing order.</summary>
    public int GapCount;

    /// <summary>Rejects CSV lines written by the record stage.</summary>
    public ByteBuffer Rejects;

    /// <summary>A slot with buffers for <paramref name="inputBytes"/> of input.</summary>
    public static CdrChunk Create(int inputBytes) => new()
    {
        Input = new byte[inputBytes],
        Records = new ChunkRecord[inputBytes / 32],
        Evaluations = new CdrEvaluation[inputBytes / 32],
        Rated = new ByteBuffer(inputBytes + (inputBytes / 2)),
        Rejects = new ByteBuffer(16 * 1024),
        Gaps = new Range[64],
    };

    /// <summary>Adds a gap (after any earlier one), growing the list if a chunk holds unusually many duplicates.</summary>
    public void AddGap(Range gap)
    {
        if (GapCount == Gaps.Length)
        {
            Array.Resize(ref Gaps, Gaps.Length * 2);
        }

        Gaps[GapCount++] = gap;
    }

    /// <summary>Adds a record, growing the table if a chunk holds unusually many short records.</summary>
    public void AddRecord(ChunkRecord record)
    {
        if (RecordCount == Records.Length)
        {
            Array.Resize(ref Records, Records.Length * 2);
            Array.Resize(ref Evaluations, Records.Length);
        }

        Records[RecordCount++] = record;
    }
}
