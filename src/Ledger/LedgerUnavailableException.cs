namespace Centrex.Ledger;

/// <summary>
/// The ledger cannot be opened or written: its folder is not writable, the disk is full, it is damaged, or another
/// opener holds it (<see cref="LedgerInUseException"/>).
/// </summary>
public class LedgerUnavailableException : Exception
{
    /// <summary>The ledger in <paramref name="folder"/> cannot be used because of <paramref name="cause"/>.</summary>
    public LedgerUnavailableException(string folder, Exception cause)
        : this(folder, $"the ledger in {folder} cannot be used: {cause.Message}", cause)
    {
    }

    /// <summary>The ledger in <paramref name="folder"/> cannot be used, as <paramref name="message"/> says.</summary>
    protected LedgerUnavailableException(string folder, string message, Exception cause)
        : base(message, cause) => Folder = folder;

    /// <summary>The ledger folder.</summary>
    public string Folder { get; }
}
