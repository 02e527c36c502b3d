namespace Centrex.Ledger.Journal;

/// <summary>
/// What a journal entry records. The numbers are written to disk: they may only ever grow (a golden test freezes them).
/// </summary>
public enum JournalRecordKind : byte
{
    /// <summary>A rated call: its charge moves the account's balance.</summary>
    RatedCdr = 1,

    /// <summary>An accepted ingestion batch: its idempotency key and the outcome of each of its rows.</summary>
    Batch = 2,

    /// <summary>A balance movement that is not a call: a payment, a top-up, a refund, an adjustment.</summary>
    Movement = 3,

    /// <summary>
    /// A block of rated calls written as one journal entry (group commit: one entry header and checksum for up to
    /// thousands of calls); see <see cref="BlockCodec"/>.
    /// </summary>
    Block = 4,
}
