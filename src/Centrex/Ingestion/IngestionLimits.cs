namespace Centrex.Ingestion;

/// <summary>How much one ingestion batch may carry; larger batches are refused whole with 413.</summary>
/// <param name="MaxBatchBytes">Largest request body.</param>
/// <param name="MaxRows">Most data rows in one batch (each row's outcome is recorded with the batch).</param>
internal sealed record IngestionLimits(int MaxBatchBytes = 16 << 20, int MaxRows = 100_000)
{
    /// <summary>Longest CDR record, as for file runs.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>Longest idempotency key.</summary>
    public const int MaxKeyLength = 200;
}
