using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The call-log index (<c>calllog.db</c>, filled by the indexer from the ledger's journal with SQLite's own statement
/// API) against the journal itself: the Call Logs CSV (read from the index) and the xDR report (read from the journal)
/// list the same calls with the same fields, so no field is bound to the wrong column, cut short or lost.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CallLogIndexTests(PortalServer server)
{
    [Fact]
    public async Task TheIndex_HoldsEveryJournalCallOfTheCustomer_FieldForField()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        // Call Logs CSV: start,line,from,to,direction,disposition,seconds,billed_seconds,destination,charge
        var index = (await qc.Http.GetStringAsync("/api/v1/me/calls.csv?from=2026-10-01&to=2026-10-31"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(CsvFields.Of)
            .Select(f => string.Join('|', f[0][..19], f[1], f[2], f[3], f[6], f[7], f[8], f[9]))
            .Order(StringComparer.Ordinal)
            .ToList();

        // xDR CSV: id,account,caller,callee,start,duration,billed_seconds,class,prefix,destination,charge,discount,net
        var journal = (await qc.Http.GetStringAsync("/api/v1/me/reports/xdr?from=2026-10-01&to=2026-10-31&format=csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(CsvFields.Of)
            .Select(f => string.Join('|', f[4][..19], f[1], f[2], f[3], f[5], f[6], f[9], f[12]))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(journal.Count > 100, $"the demo's month holds only {journal.Count} calls of cust-qc");
        Assert.Equal(journal.Count, index.Count);
        var differ = journal.Zip(index).FirstOrDefault(p => p.First != p.Second);
        Assert.True(differ == default, $"journal {differ.First} against index {differ.Second}");
    }
}
