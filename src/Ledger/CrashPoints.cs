using System.Diagnostics;

namespace Centrex.Ledger;

/// <summary>
/// Deterministic crash points for the crash tests (a real SIGKILL at a chosen moment, not a simulated failure): the
/// spec <c>name:n</c> kills the process the n-th time execution reaches the point called <c>name</c>. Points:
/// <c>before-commit</c> (entries enqueued, maybe partly flushed, nothing committed), <c>after-commit</c> (committed,
/// not yet applied or acknowledged), <c>mid-checkpoint</c> (the state checkpointed, the id registry not yet),
/// <c>after-seal</c> (CDR ids sealed into a run and the filter on disk, on the seal's own thread, while the writer still
/// holds them in memory).
/// </summary>
internal sealed class CrashPoints(string? spec)
{
    private readonly string? _name = spec?.Split(':')[0];
    private readonly int _when = spec is null ? 0 : int.Parse(spec.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
    private int _seen;

    /// <summary>Kills the process here if this is the configured point and occurrence.</summary>
    public void Reach(string name)
    {
        if (_name == name && ++_seen == _when)
        {
            Console.Error.WriteLine($"centrex: crash point {name}:{_when} reached, killing the process");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
