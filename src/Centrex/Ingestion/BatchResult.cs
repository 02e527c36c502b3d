using Centrex.Ledger.Journal;

namespace Centrex.Ingestion;

/// <summary>What the ledger made of a batch, known only once its entries are committed.</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Replayed">The key was accepted before with the same body: these are the original outcomes, nothing was charged now.</param>
/// <param name="KeyConflict">The key was accepted before with a different body: nothing was done.</param>
/// <param name="Rows">Each row's outcome and charge, in the batch's order (empty on a key conflict); its line and id are the batch's.</param>
internal sealed record BatchResult(string Key, bool Replayed, bool KeyConflict, IReadOnlyList<BatchRow> Rows);
