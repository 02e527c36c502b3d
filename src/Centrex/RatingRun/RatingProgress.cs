namespace Centrex.RatingRun;

/// <summary>How far a rating run is, written by the last pipeline stage and read by whoever shows progress.</summary>
internal sealed class RatingProgress(long totalBytes)
{
    private long _bytesDone;
    private long _rowsDone;

    /// <summary>Size of the CDR file.</summary>
    public long TotalBytes { get; } = totalBytes;

    /// <summary>File bytes fully processed and written.</summary>
    public long BytesDone => Volatile.Read(ref _bytesDone);

    /// <summary>Rows fully processed and written.</summary>
    public long RowsDone => Volatile.Read(ref _rowsDone);

    /// <summary>Called by the single writer stage.</summary>
    public void Advance(long bytes, long rows)
    {
        Volatile.Write(ref _bytesDone, _bytesDone + bytes);
        Volatile.Write(ref _rowsDone, _rowsDone + rows);
    }
}
