using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;
using Centrex.RatingRun;

namespace Centrex.Ingestion;

/// <summary>
/// Applies ingestion batches on the ledger's writer thread: each batch whole (its calls, then the batch record with each
/// row's outcome), committed with whatever else the thread committed at the same time (group commit), and answered only
/// after that commit, so an acknowledged batch is durable and a batch is never half applied: a crash before the commit
/// loses the whole batch, which the client resends under the same key. Volume discounts are applied to each call on
/// that thread, in the order calls are charged (<see cref="RatingDiscounts"/>).
/// Concurrent requests with one key are serialized by that thread: the first applies the batch, every later one finds
/// its record (from memory while its commit is pending) and is a replay, or a key conflict for another body; all are
/// completed only after the commit that carries the first, so no replay is answered for a batch that is not durable.
/// </summary>
internal sealed class IngestionWriter(LedgerWriterThread thread, RatingDiscounts? discounts = null)
{
    /// <summary>Queues a batch; completes once it is committed (or failed).</summary>
    /// <exception cref="LedgerUnavailableException">The ledger failed earlier; the process must restart to recover.</exception>
    public Task<BatchResult> SubmitAsync(ParsedBatch batch) => thread.Submit(ledger => Apply(ledger, batch));

    private BatchResult Apply(LedgerWriter ledger, ParsedBatch batch)
    {
        if (ledger.FindBatch(batch.Key) is { } earlier)
        {
            return earlier.BodyHash != batch.BodyHash || earlier.Rows.Count != batch.Count
                ? new BatchResult(batch.Key, Replayed: false, KeyConflict: true, [])
                : new BatchResult(batch.Key, Replayed: true, KeyConflict: false, earlier.Rows);
        }

        var journal = batch.Journal;
        var recorded = new BatchRow[batch.Count];
        for (var i = 0; i < recorded.Length; i++)
        {
            var row = batch.Rows[i];
            var outcome = BatchOutcome.NoRate;
            var charge = Mills.Zero;
            if (row.Priced)
            {
                var entry = journal.Slice(row.JournalStart, row.JournalLength);
                if (discounts is not null && discounts.Covers(entry) && !ledger.ContainsCdr(RatedCdrCodec.Id(entry)))
                {
                    // Volume discounts at rating time (issue 3), in the order calls are charged, as the file run does.
                    discounts.Apply(entry);
                }

                outcome = ledger.TryAppendEncodedCdr(entry) == CdrAppend.Appended ? BatchOutcome.Rated : BatchOutcome.Duplicate;
                charge = outcome == BatchOutcome.Rated ? new Mills(RatedCdrCodec.NetMills(entry)) : Mills.Zero;
            }

            recorded[i] = new BatchRow(outcome, charge);
        }

        ledger.AppendBatch(new AcceptedBatch(batch.Key, batch.BodyHash, recorded));
        return new BatchResult(batch.Key, Replayed: false, KeyConflict: false, recorded);
    }
}
