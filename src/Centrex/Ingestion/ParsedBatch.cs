using System.Buffers;

namespace Centrex.Ingestion;

/// <summary>
/// A well-formed batch, rated and encoded, ready for the single ledger writer. Its rows and journal entries lie in
/// arrays rented from the shared pools (a large batch's are megabytes, and a fresh zeroed array per batch was issue 16's
/// ingestion bench's largest allocation); <see cref="Release"/> gives them back once the writer has answered.
/// </summary>
/// <param name="key">The client's idempotency key.</param>
/// <param name="bodyHash">Hash of the body, so a key reused for another body is caught.</param>
/// <param name="rows">Its data rows in order, in the first <paramref name="count"/> elements (rented).</param>
/// <param name="count">How many rows.</param>
/// <param name="journal">The encoded journal entries of the priced rows (rented).</param>
/// <param name="body">The request body the rows' ids lie in (held until the answer is written).</param>
internal sealed class ParsedBatch(string key, UInt128 bodyHash, ParsedRow[] rows, int count, PooledBuffer journal, byte[] body)
{
    private ParsedRow[] _rows = rows;

    /// <summary>The client's idempotency key.</summary>
    public string Key => key;

    /// <summary>Hash of the body.</summary>
    public UInt128 BodyHash => bodyHash;

    /// <summary>How many data rows.</summary>
    public int Count => count;

    /// <summary>Its data rows in order.</summary>
    public ReadOnlySpan<ParsedRow> Rows => _rows.AsSpan(0, count);

    /// <summary>The encoded journal entries of the priced rows (writable: volume discounts are written into them).</summary>
    public Span<byte> Journal => journal.Written;

    /// <summary>The id of row <paramref name="i"/>, as UTF-8.</summary>
    public ReadOnlySpan<byte> Id(int i) => body.AsSpan(_rows[i].IdStart, _rows[i].IdLength);

    /// <summary>
    /// Gives the rows and journal arrays back to their pools. Only once nothing can read them: after the writer thread
    /// has run the batch's job and the answer is written. A batch whose job may still be queued (the writer failed) is
    /// left to the collector: a pooled array returned too early would be another batch's rows under this one's job.
    /// </summary>
    public void Release()
    {
        var rented = Interlocked.Exchange(ref _rows, []);
        if (rented.Length > 0)
        {
            ArrayPool<ParsedRow>.Shared.Return(rented);
            journal.Dispose();
        }
    }
}
