namespace Centrex.Ingestion;

/// <summary>One data row of a batch after rating, before the ledger has seen it.</summary>
/// <remarks>
/// The id stays where it lies in the request body (the batch's, unescaped in place) and is copied
/// from there into the answer: a large batch has 100,000 rows, and a string per id was 100,000 allocations and two
/// UTF-8 conversions a batch (issue 16's ingestion bench).
/// </remarks>
/// <param name="Line">Physical line the row starts on (the header is line 1).</param>
/// <param name="IdStart">Where the CDR id starts in the body.</param>
/// <param name="IdLength">The id's length in bytes (UTF-8).</param>
/// <param name="Priced">Whether the tariff priced it (otherwise it is rejected as no-rate).</param>
/// <param name="JournalStart">Where its encoded journal entry starts in the batch's journal bytes.</param>
/// <param name="JournalLength">The entry's length (0 when not priced).</param>
internal readonly record struct ParsedRow(long Line, int IdStart, int IdLength, bool Priced, int JournalStart, int JournalLength);
