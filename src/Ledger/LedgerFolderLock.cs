namespace Centrex.Ledger;

/// <summary>
/// The ledger folder's single-writer lock, held for the life of the <see cref="LedgerStore"/> that writes it: two
/// writers on one folder (two serves, or serve and a <c>rate --data</c>) would interleave the journal and the state
/// and lose or double charges (issue 16). The lock is the operating system's: <c>DATA/ledger/lock</c> opened with
/// <see cref="FileShare.None"/>, which .NET takes on Unix as <c>flock(LOCK_EX | LOCK_NB)</c> on its own open file
/// description, so it excludes another process and a second open in this one alike, and the kernel drops it when the
/// process ends however it ends (SIGKILL included): no stale lock to clean up. The holder also writes who it is to
/// <c>lock.holder</c>, because a refused opener cannot read the locked file itself (.NET reads take <c>LOCK_SH</c>).
/// </summary>
internal sealed class LedgerFolderLock : IDisposable
{
    /// <summary>The locked file; never deleted (a lock on a deleted file's inode would let a second holder in by a new one).</summary>
    internal const string FileName = "lock";

    /// <summary>Who holds the lock (see <see cref="LedgerHolder"/>).</summary>
    internal const string HolderFileName = "lock.holder";

    // errno EWOULDBLOCK on Linux and on macOS, and Windows' ERROR_SHARING_VIOLATION: what .NET reports for FileShare.None
    // held elsewhere. Any other failure (permissions, a full disk) is the folder's, not another holder's.
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;
    private const int WindowsSharingViolation = unchecked((int)0x80070020);

    private readonly FileStream _lock;
    private readonly string _holderFile;
    private bool _released;

    private LedgerFolderLock(FileStream held, string holderFile)
    {
        _lock = held;
        _holderFile = holderFile;
    }

    /// <summary>Creates <paramref name="folder"/> if needed and takes its lock, or refuses at once.</summary>
    /// <exception cref="LedgerInUseException">Another opener holds the lock (named when it wrote itself down).</exception>
    /// <exception cref="LedgerUnavailableException">The folder cannot be created or written.</exception>
    public static LedgerFolderLock Acquire(string folder)
    {
        FileStream held;
        try
        {
            Directory.CreateDirectory(folder);
            held = new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult is LinuxWouldBlock or MacWouldBlock or WindowsSharingViolation)
        {
            throw new LedgerInUseException(folder, ReadHolder(folder), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerUnavailableException(folder, e);
        }

        var holderFile = Path.Combine(folder, HolderFileName);
        try
        {
            // Written whole and renamed into place, so a refused opener reads the old holder or this one, never half.
            var written = holderFile + ".new";
            File.WriteAllText(written, LedgerHolder.Current().ToFileText());
            File.Move(written, holderFile, overwrite: true);
            return new LedgerFolderLock(held, holderFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held.Dispose();
            throw new LedgerUnavailableException(folder, e);
        }
    }

    /// <summary>Who holds the lock of <paramref name="folder"/>, or null when no holder note can be read.</summary>
    /// <remarks>
    /// A holder killed outright leaves its note behind; the next holder replaces it right after taking the lock, so only
    /// an opener refused in that instant can read the dead one's.
    /// </remarks>
    internal static LedgerHolder? ReadHolder(string folder)
    {
        try
        {
            return LedgerHolder.Parse(File.ReadAllText(Path.Combine(folder, HolderFileName)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Removes the holder note and releases the lock (the note first: it must never name a process that let go).</summary>
    public void Dispose()
    {
        if (_released)
        {
            return; // a second call must not delete the note of a holder that came after
        }

        _released = true;
        try
        {
            File.Delete(_holderFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock goes anyway; the next holder overwrites the note.
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
