namespace Centrex.Ledger;

/// <summary>The ledger cannot be opened or written: its folder is not writable, the disk is full, or it is damaged.</summary>
public sealed class LedgerUnavailableException(string folder, Exception cause)
    : Exception($"the ledger in {folder} cannot be used: {cause.Message}", cause)
{
    /// <summary>The ledger folder.</summary>
    public string Folder { get; } = folder;
}
