namespace Centrex.Ingestion;

/// <summary>One data row of a batch after rating, before the ledger has seen it.</summary>
/// <param name="Line">Physical line the row starts on (the header is line 1).</param>
/// <param name="Id">The CDR id.</param>
/// <param name="Priced">Whether the tariff priced it (otherwise it is rejected as no-rate).</param>
/// <param name="JournalStart">Where its encoded journal entry starts in the batch's journal bytes.</param>
/// <param name="JournalLength">The entry's length (0 when not priced).</param>
internal readonly record struct ParsedRow(long Line, string Id, bool Priced, int JournalStart, int JournalLength);
