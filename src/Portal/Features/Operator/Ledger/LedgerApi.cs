using Centrex.Ledger.Verification;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Ledger;

/// <summary>
/// <c>/api/v1/operator/ledger</c> (<c>ledger:read</c>): the ledger's health as the page shows it (journal position,
/// last checkpoint, the call-log index), and <c>journal verify</c> on demand, on the writer thread as the page runs it.
/// </summary>
internal static class LedgerApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/ledger", (PortalData data) =>
        {
            var l = data.Ledger;
            return Results.Ok(new
            {
                folder = l.Folder, journal_begin = l.JournalBegin, committed_until = l.CommittedUntil,
                checkpointed_at = l.Writer.CheckpointedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), checkpointed_until = l.Writer.CheckpointedUntil,
                recovery = l.Recovery.ToString(), call_log_index_error = data.CallIndexer.LastError?.Message,
            });
        }).Scoped(ApiScope.LedgerRead).WithName("LedgerHealth").WithSummary("Journal position, last checkpoint, the call-log index's state");

        operatorGroup.MapPost("/ledger/verification", async (PortalData data) =>
        {
            // On the writer thread: verification must see no write in between (JournalVerifier's contract).
            var r = data.Writer is { } writer ? await writer.Submit(_ => JournalVerifier.Verify(data.Ledger)) : JournalVerifier.Verify(data.Ledger);
            return Results.Ok(new
            {
                consistent = r.IsConsistent, problem_count = r.ProblemCount, problems = r.Problems,
                entries = r.Entries, calls = r.Calls, movements = r.Movements, batches = r.Batches, accounts = r.Accounts,
            });
        }).Scoped(ApiScope.LedgerRead).WithName("VerifyJournal").WithSummary("Runs journal verify now (batches and calls wait while it runs)");
    }
}
