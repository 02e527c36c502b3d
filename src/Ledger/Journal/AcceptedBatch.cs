namespace Centrex.Ledger.Journal;

/// <summary>An ingestion batch as recorded in the journal, so a retry with the same idempotency key gets the same answer.</summary>
/// <param name="Key">The client's idempotency key.</param>
/// <param name="BodyHash">A 128-bit hash of the batch body: a key reused for a different body is refused.</param>
/// <param name="Rows">The outcome of each data row, in order.</param>
public sealed record AcceptedBatch(string Key, UInt128 BodyHash, IReadOnlyList<BatchRow> Rows);
