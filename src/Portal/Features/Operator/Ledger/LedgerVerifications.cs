using Centrex.Ledger.Verification;
using Centrex.Portal.Data;

namespace Centrex.Portal.Features.Operator.Ledger;

/// <summary>
/// <c>journal verify</c> on demand for the Ledger health page and its API route (issue 16), beside the ledger's writer
/// (<see cref="JournalVerifier.VerifyBeside"/>): batches and calls are charged while it reads the journal. One runs at a
/// time: a second request while one runs gets that one's report rather than a second pass over the whole journal.
/// </summary>
public sealed class LedgerVerifications(PortalData data)
{
    private readonly Lock _gate = new();
    private Task<VerificationReport>? _running;

    /// <summary>Whether a verification is reading the journal now (shown on the page and by <c>GET /api/v1/operator/ledger</c>).</summary>
    public bool Running => Volatile.Read(ref _running) is { IsCompleted: false };

    /// <summary>Runs a verification, or joins the one running.</summary>
    public Task<VerificationReport> Run()
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false } running)
            {
                return running;
            }

            _running = data.Writer is { } writer
                ? JournalVerifier.VerifyBeside(data.Ledger, writer)
                : Task.Factory.StartNew(() => JournalVerifier.Verify(data.Ledger), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return _running;
        }
    }
}
