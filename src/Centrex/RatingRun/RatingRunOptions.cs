namespace Centrex.RatingRun;

/// <summary>Files of a <c>centrex rate</c> run.</summary>
/// <param name="CdrsPath">CDR CSV to read.</param>
/// <param name="RatedPath">Rated CSV to write.</param>
/// <param name="RejectsPath">Rejects CSV to write.</param>
internal sealed record RatingRunOptions(string CdrsPath, string RatedPath, string RejectsPath)
{
    /// <summary>Bytes of input per ring slot.</summary>
    public int ChunkBytes { get; init; } = 1 << 20;

    /// <summary>Ring slots (a power of two): how far reading may run ahead of writing.</summary>
    public int RingSize { get; init; } = 8;

    /// <summary>Evaluate-stage handlers sharing the parsing and rating (one per core by default).</summary>
    public int Evaluators { get; init; } = Environment.ProcessorCount;

    /// <summary>Longest CDR record accepted; longer lines are rejected as malformed.</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024;
}
