using System.Diagnostics;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// A sipp scenario run again until it succeeds: the switch applies a change (a line provisioned, a registration, a
/// setting saved on a page) within a second of it, and a call or REGISTER sent before that is refused.
/// </summary>
internal static class SippRetry
{
    /// <summary>How long a scenario is tried again (a bound on the retries, not a timing check: the last result is returned).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="run"/> until its exit code is 0 or the deadline has passed; returns the last result.</summary>
    public static async Task<(int ExitCode, string Output)> UntilSuccess(Func<(int ExitCode, string Output)> run)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await Task.Run(run);
            if (result.ExitCode == 0 || clock.Elapsed > Deadline)
            {
                return result;
            }
        }
    }
}
