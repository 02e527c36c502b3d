using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Ledger;

/// <summary>
/// <c>/api/v1/operator/ledger</c> (<c>ledger:read</c>): the ledger's health as the page shows it (journal position,
/// last checkpoint, the call-log index, whether a verification is running), and <c>journal verify</c> on demand, beside the
/// ledger's writer as the page runs it (<see cref="LedgerVerifications"/>).
/// </summary>
internal static class LedgerApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/ledger", (PortalData data, LedgerVerifications verifications) =>
        {
            var l = data.Ledger;
            return Results.Ok(new
            {
                folder = l.Folder, journal_begin = l.JournalBegin, committed_until = l.CommittedUntil,
                checkpointed_at = l.Writer.CheckpointedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), checkpointed_until = l.Writer.CheckpointedUntil,
                recovery = l.Recovery.ToString(), call_log_index_error = data.CallIndexer.LastError?.Message, verification_running = verifications.Running,
            });
        }).Scoped(ApiScope.LedgerRead).WithName("LedgerHealth").WithSummary("Journal position, last checkpoint, the call-log index's state");

        operatorGroup.MapPost("/ledger/verification", async (LedgerVerifications verifications) =>
        {
            var r = await verifications.Run();
            return Results.Ok(new
            {
                consistent = r.IsConsistent, problem_count = r.ProblemCount, problems = r.Problems,
                entries = r.Entries, calls = r.Calls, movements = r.Movements, batches = r.Batches, accounts = r.Accounts,
            });
        }).Scoped(ApiScope.LedgerRead).WithName("VerifyJournal").WithSummary("Runs journal verify now, beside charging (batches and calls are charged while it runs; a second request joins the one running)");
    }
}
