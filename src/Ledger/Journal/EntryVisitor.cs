namespace Centrex.Ledger.Journal;

/// <summary>Receives one journal entry during a scan; <paramref name="entry"/> is only valid during the call.</summary>
/// <param name="address">The entry's reference (see <see cref="EntryReference"/>; the journal address for a raw scan).</param>
/// <param name="entry">The entry's bytes.</param>
public delegate void EntryVisitor(long address, ReadOnlySpan<byte> entry);
