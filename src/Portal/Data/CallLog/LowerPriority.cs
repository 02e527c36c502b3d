using System.Runtime.InteropServices;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Lowers the scheduling priority of the calling thread (Linux: every thread has its own nice value, setpriority(2)
/// with the thread's id). .NET's <see cref="Thread.Priority"/> has no effect on Linux for a process that is not root,
/// so the call-log indexer (derived data, issue 16) would otherwise compete as an equal with the request threads and
/// the ledger writer for two cores while CDRs are ingested. Raising the nice value needs no privilege; elsewhere, or if
/// the call fails, the thread keeps its priority (it only matters under load).
/// </summary>
internal static partial class LowerPriority
{
    private const int PrioProcess = 0; // <sys/resource.h>: with a thread id, that thread alone

    /// <summary>Adds <paramref name="steps"/> to the calling thread's nice value (at most 19); true when it took effect.</summary>
    public static bool OfCurrentThread(int steps)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var tid = GetTid();
            Marshal.SetLastPInvokeError(0);
            var nice = GetPriority(PrioProcess, tid);
            if (nice == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return false;
            }

            return SetPriority(PrioProcess, tid, Math.Min(19, nice + steps)) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library without gettid (glibc before 2.30)
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
