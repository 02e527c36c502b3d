using Centrex.Rating.Csv;

namespace Centrex.Ingestion;

/// <summary>A well-formed batch, rated and encoded, ready for the single ledger writer.</summary>
/// <param name="Key">The client's idempotency key.</param>
/// <param name="BodyHash">Hash of the body, so a key reused for another body is caught.</param>
/// <param name="Rows">Its data rows in order.</param>
/// <param name="Journal">The encoded journal entries of the priced rows.</param>
/// <param name="Body">The request body the rows' ids lie in (held until the answer is written).</param>
internal sealed record ParsedBatch(string Key, UInt128 BodyHash, IReadOnlyList<ParsedRow> Rows, ByteBuffer Journal, byte[] Body)
{
    /// <summary>The id of row <paramref name="i"/>, as UTF-8.</summary>
    public ReadOnlySpan<byte> Id(int i) => Body.AsSpan(Rows[i].IdStart, Rows[i].IdLength);
}
