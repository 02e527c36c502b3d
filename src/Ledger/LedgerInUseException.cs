namespace Centrex.Ledger;

/// <summary>
/// Another ledger object holds the folder's lock: another process (a running <c>centrex serve</c>, a <c>rate</c> run) or
/// another open store in this one. Two writers would interleave the journal and the state and lose or double charges.
/// </summary>
public sealed class LedgerInUseException(string folder, LedgerHolder? holder, Exception cause)
    : LedgerUnavailableException(folder,
        $"the ledger in {folder} is in use by {holder?.ToString() ?? "another process"}; stop it first or use another data directory",
        cause)
{
    /// <summary>Who holds the lock, when it wrote that down (null in the instant between its lock and its note).</summary>
    public LedgerHolder? Holder { get; } = holder;
}
