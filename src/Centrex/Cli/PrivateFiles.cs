using System.Runtime.InteropServices;

namespace Centrex.Cli;

/// <summary>
/// Data files are readable by their owner only (issue 13, item 7): the provisioning store holds digest HA1 hashes
/// (as good as the password for SIP), the journal and CDR files every customer's calls. Everything this process creates
/// is 0600 (files) or 0700 (folders) whatever umask it was started with, because the process sets its own umask to
/// 077 before any command runs: SQLite, FASTER and the file streams all create through it, so no store needs a mode
/// of its own. A data directory an older version created 0755 is closed to 0700 when a command opens it.
/// </summary>
internal static partial class PrivateFiles
{
    /// <summary>The umask that makes new files 0600 and new folders 0700.</summary>
    private const uint OwnerOnlyMask = 0b000_111_111; // 077

    /// <summary>The mode a data directory is given.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>From now on, files and folders this process creates are its owner's only.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(OwnerOnlyMask);
        }
    }

    /// <summary>Closes an existing data directory to other users (0700); one that does not exist yet is created so.</summary>
    public static void Protect(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(directory, DirectoryMode);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Another user's folder, or a read-only file system: the command itself reports what it cannot do there.
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
