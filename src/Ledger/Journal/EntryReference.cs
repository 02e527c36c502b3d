namespace Centrex.Ledger.Journal;

/// <summary>
/// Names one logical entry: a whole journal entry, or one call inside a <see cref="JournalRecordKind.Block"/> entry.
/// The journal address shifted left by 15 bits, plus the call's index in its block (or 32,767 for a whole entry):
/// FasterLog addresses stay below 2⁴⁸, so a reference fits a non-negative 64-bit integer.
/// </summary>
public static class EntryReference
{
    /// <summary>Most calls a block may hold.</summary>
    public const int MaxBlockEntries = WholeEntry;

    private const int IndexBits = 15;
    private const int WholeEntry = (1 << IndexBits) - 1;

    /// <summary>The reference of the whole entry at <paramref name="address"/>.</summary>
    public static long Whole(long address) => (address << IndexBits) | WholeEntry;

    /// <summary>The reference of call <paramref name="index"/> in the block at <paramref name="address"/>.</summary>
    public static long InBlock(long address, int index) => (address << IndexBits) | (long)index;

    /// <summary>Whether a reference names a call inside a block (not a whole entry).</summary>
    public static bool IsInBlock(long reference) => (reference & WholeEntry) != WholeEntry;

    /// <summary>The journal address of the entry a reference points into.</summary>
    public static long Address(long reference) => reference >> IndexBits;
}
