namespace Centrex.Ledger.Journal;

/// <summary>A journal entry cannot be decoded: a format this build does not know, or damaged bytes.</summary>
public sealed class JournalFormatException(long address, string message)
    : Exception($"journal entry at address {address}: {message}")
{
    /// <summary>Where the entry is in the journal.</summary>
    public long Address { get; } = address;
}
