namespace Centrex.Ingestion;

/// <summary>
/// How much one ingestion batch may carry (larger batches are refused whole with 413), and what the HTTP listener takes
/// at once from all clients together (issue 13, item 5).
/// </summary>
/// <param name="MaxBatchBytes">Largest request body.</param>
/// <param name="MaxRows">Most data rows in one batch (each row's outcome is recorded with the batch).</param>
/// <param name="MaxBytesInFlight">Request body bytes held in memory at once across requests (<see cref="Api.RequestBodyBudget"/>).</param>
/// <param name="MaxConnections">Open HTTP connections at once; Kestrel refuses more.</param>
internal sealed record IngestionLimits(int MaxBatchBytes = 16 << 20, int MaxRows = 100_000, long MaxBytesInFlight = 64L << 20, int MaxConnections = 1_000)
{
    /// <summary>Longest CDR record, as for file runs.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>
    /// The slowest a client may send a body, after a 5-second grace: CDR batches come from machines on fast links, and a
    /// client trickling a large declared body would otherwise hold its share of <see cref="MaxBytesInFlight"/> for ever.
    /// </summary>
    public const int MinBodyBytesPerSecond = 16 * 1024;

    /// <summary>Longest idempotency key.</summary>
    public const int MaxKeyLength = Ledger.Journal.BatchCodec.MaxKeyBytes;
}
