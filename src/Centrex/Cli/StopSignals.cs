using System.Runtime.InteropServices;

namespace Centrex.Cli;

/// <summary>
/// Ctrl+C and SIGTERM as a cancellation token from the moment a long-running command is created, for commands that
/// announce readiness before their first await.
/// </summary>
/// <remarks>
/// System.CommandLine registers its own signal handlers only once the action has returned its task, that is at the
/// action's first await that does not complete at once. <c>serve</c> without an HTTP listener opens the ledger, starts
/// the switch and prints its addresses without awaiting anything, so a Ctrl+C sent as soon as the addresses appear
/// could arrive before anyone listened, and the runtime's default would end the process with 130 and no orderly stop.
/// Registered here first, the signal always means the orderly stop; System.CommandLine's handler, once registered,
/// cancels the same token.
/// </remarks>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration? _interrupt;
    private readonly PosixSignalRegistration? _terminate;

    /// <param name="cancel">The action's token from System.CommandLine.</param>
    /// <param name="ownsProcess">False for an in-process run (tests): the host's signals are not taken over.</param>
    public StopSignals(CancellationToken cancel, bool ownsProcess)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (ownsProcess)
        {
            _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        }
    }

    /// <summary>Cancelled by Ctrl+C, SIGTERM, or the action's own token.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _interrupt?.Dispose();
        _terminate?.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true; // not the runtime's default (end the process): the command stops in order
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The signal's handler ran while the command, already stopped by the same signal through System.CommandLine's
            // handler, was disposing this (unregistering does not wait for a handler under way): nothing is left to stop.
            // Unhandled, it aborted the process with 134 after an orderly stop (Cli tests, 1 run in 2).
        }
    }
}
