using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;

namespace Centrex.RatingRun;

/// <summary>
/// One ring slot of the rating pipeline: a block of whole CDR records read from the file, what the evaluate stage made
/// of each, and the rated lines it rendered. Every buffer is allocated once when the ring is built and reused for the
/// whole run, which is what keeps memory bounded whatever the file size.
/// </summary>
internal struct CdrChunk
{
    /// <summary>Records per chunk must fit below this (record indexes are sequence × this + position).</summary>
    public const int MaxRecords = 1 << IndexBits;

    /// <summary>Bits of a record index that hold the position in its chunk.</summary>
    public const int IndexBits = 24;

    /// <summary>Raw record bytes; quoted fields are unescaped in place by the evaluate stage.</summary>
    public byte[] Input;

    /// <summary>The records in <see cref="Input"/>.</summary>
    public ChunkRecord[] Records;

    /// <summary>How many of <see cref="Records"/> are in use.</summary>
    public int RecordCount;

    /// <summary>File bytes this chunk accounts for (including skipped ones), for progress.</summary>
    public long SourceBytes;

    /// <summary>The evaluate stage's findings, one per record (same index).</summary>
    public CdrEvaluation[] Evaluations;

    /// <summary>The evaluate stage's decision, one byte per record, so the write stage reads little.</summary>
    public RecordStatus[] Status;

    /// <summary>Set (to 1) by another evaluate handler when an earlier record in the file claimed this record's id.</summary>
    public byte[] Revoked;

    /// <summary>How many records of this chunk were revoked (incremented atomically by other handlers).</summary>
    public int RevokedCount;

    /// <summary>Counts of this chunk as the evaluate stage decided them (revocations are applied by the write stage).</summary>
    public RatingTally Tally;

    /// <summary>Rated CSV lines of the records the evaluate stage rated, in record order.</summary>
    public ByteBuffer Rated;

    /// <summary>Journal entries of the records the evaluate stage rated, when rating into the durable ledger.</summary>
    public ByteBuffer Journal;

    /// <summary>A slot with buffers for <paramref name="inputBytes"/> of input.</summary>
    public static CdrChunk Create(int inputBytes)
    {
        var records = Math.Max(64, inputBytes / 32);
        return new CdrChunk
        {
            Input = new byte[inputBytes],
            Records = new ChunkRecord[records],
            Evaluations = new CdrEvaluation[records],
            Status = new RecordStatus[records],
            Revoked = new byte[records],
            Tally = new RatingTally(),
            Rated = new ByteBuffer(inputBytes + (inputBytes / 2)),
            Journal = new ByteBuffer(1024),
        };
    }

    /// <summary>Adds a record, growing the tables if a chunk holds unusually many short records.</summary>
    public void AddRecord(ChunkRecord record)
    {
        if (RecordCount == Records.Length)
        {
            var larger = Math.Min(Records.Length * 2, MaxRecords);
            Array.Resize(ref Records, larger);
            Array.Resize(ref Evaluations, larger);
            Array.Resize(ref Status, larger);
            Array.Resize(ref Revoked, larger);
        }

        Records[RecordCount++] = record;
    }
}
