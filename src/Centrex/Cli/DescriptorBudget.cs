using System.Runtime.InteropServices;

namespace Centrex.Cli;

/// <summary>
/// Whether serve's connection caps fit the process's file descriptors (issue 13 review: under a 1,024-descriptor limit,
/// a flood of SIP TCP connections within the default caps still ran the process out of descriptors, and it died).
/// At start the soft limit is raised to the hard one; then the SIP TCP cap, the HTTP connection cap, the relay's RTP
/// ports and a reserve for everything else (the UDP socket, listeners, ledger, SQLite and CDR files, the runtime) must
/// fit in it, or serve refuses to start, naming the options to lower.
/// </summary>
internal static partial class DescriptorBudget
{
    /// <summary>Descriptors kept for what is not a connection or an RTP port (measured: about 250 at start).</summary>
    public const int Reserve = 512;

    private const int RlimitNofile = 7; // Linux <sys/resource.h>

    /// <summary>The descriptors this process may open, after raising the soft limit to the hard one; null where unknown.</summary>
    public static long? Raise()
    {
        if (!OperatingSystem.IsLinux() || GetRlimit(RlimitNofile, out var limit) != 0)
        {
            return null;
        }

        if (limit.Current < limit.Maximum)
        {
            var raised = limit with { Current = limit.Maximum };
            if (SetRlimit(RlimitNofile, in raised) == 0)
            {
                limit = raised;
            }
        }

        return (long)Math.Min(limit.Current, long.MaxValue);
    }

    /// <summary>What is wrong with the caps for <paramref name="available"/> descriptors, or null when they fit.</summary>
    public static string? Problem(long available, int sipTcp, int http, int relayPorts)
    {
        var needed = (long)sipTcp + http + relayPorts + Reserve;
        return needed <= available ? null
            : $"the process may open {available} files (ulimit -n), but --sip-tcp-max-connections ({sipTcp}) + --max-http-connections ({http}) + " +
              $"the relay's --media-ports ({relayPorts}) + {Reserve} for everything else need {needed}: lower them or raise the limit";
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRlimit(int resource, out Limit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRlimit(int resource, in Limit limit);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Limit(ulong Current, ulong Maximum);
}
