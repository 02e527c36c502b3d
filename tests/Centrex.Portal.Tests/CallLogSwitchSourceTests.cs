using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Provisioning.Model;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using NodaTime;

namespace Centrex.Portal.Tests;

/// <summary>
/// The call log following the switch's CDR store (<see cref="CallLogSwitchSource"/>) on a real data directory: each
/// call once, scoped to its line's customer, internal calls told from incoming ones; incrementally (a line still being
/// written waits for its line break; a restarted indexer reads nothing twice); and a call the journal brought in first
/// is completed, not listed twice.
/// </summary>
public sealed class CallLogSwitchSourceTests : IDisposable
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 5, 15, 0);
    private readonly string _data = Directory.CreateTempSubdirectory("centrex-calllog-switch-").FullName;
    private readonly ProvisioningIndex _index = new(ProvisioningSnapshot.Empty with
    {
        Accounts = [Line("A1", "X"), Line("A2", "X"), Line("B1", "Y")],
    }, 1);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void EveryAttempt_IsIndexedOnceForItsCustomer_AndARestartReadsNothingAgain()
    {
        using (var cdrs = new CdrStore(_data))
        {
            cdrs.Append(Cdr("sw:r-1", "A1", "A1", "14165550199", CallDisposition.Answered, CallDirection.Outgoing, answeredBy: string.Empty));
            cdrs.Append(Cdr("sw:r-2", "A2", "12125550100", "15145550302", CallDisposition.Cancelled, CallDirection.Incoming, answeredBy: string.Empty));
            cdrs.Append(Cdr("sw:r-3", "A2", "A1", "102", CallDisposition.Answered, CallDirection.Incoming, answeredBy: "A2"));
            cdrs.Append(Cdr("sw:r-4", "B1", "B1", "14165550100", CallDisposition.RefusedByBalance, CallDirection.Outgoing, answeredBy: string.Empty));
        }

        var store = new CallLogStore(_data);
        Assert.Equal(4, CatchUp(store));

        var x = store.Page("X", CallFilter.None, 0, 10, descending: false);
        Assert.Equal(
            ["sw:r-1 outgoing answered ", "sw:r-2 incoming cancelled ", "sw:r-3 internal answered A2"],
            x.Select(c => $"{c.Id} {c.Direction} {c.Disposition} {c.AnsweredBy}"));
        Assert.Equal(["sw:r-4"], store.Page("Y", CallFilter.None, 0, 10, descending: false).Select(c => c.Id));
        Assert.Equal(["sw:r-2"], store.Page("X", CallFilter.None with { Disposition = "no-answer" }, 0, 10, false).Select(c => c.Id));
        Assert.Equal(["sw:r-4"], store.Page("Y", CallFilter.None with { Disposition = "refused" }, 0, 10, false).Select(c => c.Id));
        Assert.Equal(["sw:r-1", "sw:r-3"], store.Page("X", CallFilter.None with { Account = "A1" }, 0, 10, false).Select(c => c.Id));

        // A line the switch is still writing (no line break yet) waits for the rest of it.
        var day = Path.Combine(CdrStore.FolderOf(_data), CdrStore.DayFileName(Start.InUtc().Date));
        var line = new ByteBuffer(512);
        SwitchCdrCsv.Write(Cdr("sw:r-5", "A1", "A1", "14165550101", CallDisposition.Busy, CallDirection.Outgoing, string.Empty), line);
        var bytes = line.Written.ToArray();
        File.AppendAllBytes(day, bytes[..20]);
        Assert.Equal(0, CatchUp(store));
        File.AppendAllBytes(day, bytes[20..]);
        Assert.Equal(1, CatchUp(store));

        // A new indexer on the same call log (serve restarted) goes on from the stored position.
        Assert.Equal(0, CatchUp(new CallLogStore(_data)));
        Assert.Equal(4, store.Count("X", CallFilter.None));
    }

    [Fact]
    public void OldLines_AndQuotedFields_AreRead_ADamagedLineIsSkipped()
    {
        using (var cdrs = new CdrStore(_data))
        {
            cdrs.Append(Cdr("sw:r-1", "A1", "A1", "14165550199", CallDisposition.Answered, CallDirection.Outgoing, answeredBy: string.Empty));
        }

        var day = Path.Combine(CdrStore.FolderOf(_data), CdrStore.DayFileName(Start.InUtc().Date));
        var old = LineOf(Cdr("sw:r-2", "A2", "12125550100", "15145550302", CallDisposition.NoAnswer, CallDirection.Incoming, string.Empty));
        var fields = old.TrimEnd('\n').Split(',');
        File.AppendAllText(day, string.Join(',', fields[..15]) + "\n"); // written before emergency and answered_by (issue 14, 15)
        File.AppendAllText(day, LineOf(Cdr("sw:r-3", "A1", "Smith, \"J\"", "101", CallDisposition.Answered, CallDirection.Incoming, "A1")));
        File.AppendAllText(day, "sw:r-4,A1,broken\n");

        var store = new CallLogStore(_data);
        using var connection = store.OpenWriter();
        var source = new CallLogSwitchSource(CdrStore.FolderOf(_data));
        Assert.Equal(3, source.CatchUp(connection, _index));
        Assert.Equal(1, source.Damaged);
        Assert.Equal(
            ["sw:r-1 outgoing answered A1 ", "sw:r-2 incoming no-answer 12125550100 ", "sw:r-3 incoming answered Smith, \"J\" A1"],
            store.Page("X", CallFilter.None, 0, 10, descending: false).Select(c => $"{c.Id} {c.Direction} {c.Disposition} {c.Caller} {c.AnsweredBy}"));
    }

    [Fact]
    public void ACallTheJournalIndexedFirst_IsCompletedByTheSwitchRecord_NotAddedAgain()
    {
        var store = new CallLogStore(_data);
        using (var connection = store.OpenWriter())
        using (var command = connection.CreateCommand())
        {
            // As CallInsert writes a charged call: outgoing, answered, with its charge and journal address.
            command.CommandText = $"""
                INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address)
                VALUES ('sw:r-9', 'X', 'A1', {Start.ToUnixTimeMilliseconds()}, 'A1', '14165550199', 61, 66, 'outgoing', 'answered', 'Toronto', 2750, 4096)
                """;
            command.ExecuteNonQuery();
        }

        using (var cdrs = new CdrStore(_data))
        {
            cdrs.Append(Cdr("sw:r-9", "A1", "A1", "14165550199", CallDisposition.Answered, CallDirection.Outgoing, answeredBy: string.Empty));
        }

        CatchUp(store);

        var call = Assert.Single(store.Page("X", CallFilter.None, 0, 10, descending: false));
        Assert.Equal(("outgoing", "answered", new Mills(2750), 66L, "Toronto"), (call.Direction, call.Disposition, call.Charge!.Value, call.BilledSeconds, call.Destination));
    }

    private static string LineOf(SwitchCdr cdr)
    {
        var line = new ByteBuffer(512);
        SwitchCdrCsv.Write(cdr, line);
        return System.Text.Encoding.UTF8.GetString(line.Written);
    }

    private long CatchUp(CallLogStore store)
    {
        using var connection = store.OpenWriter();
        return new CallLogSwitchSource(CdrStore.FolderOf(_data)).CatchUp(connection, _index);
    }

    private static Account Line(string id, string customer) => new(id, customer, AccountType.Credit, Mills.Zero, null, false, [], null, null, []);

    private static SwitchCdr Cdr(string id, string account, string caller, string callee, CallDisposition disposition, CallDirection direction, string answeredBy)
    {
        var answered = disposition == CallDisposition.Answered;
        return new SwitchCdr(id, account, caller, callee, callee.Length > 4 ? callee : string.Empty, Start, answered ? Start + Duration.FromSeconds(2) : null,
            Start + Duration.FromSeconds(62), answered ? 60 : 0, disposition, "call-" + id, answered ? "PCMU" : string.Empty, "default", direction, false)
        { AnsweredBy = answeredBy };
    }
}
