using System.Text;
using Centrex.Rating.Csv;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Cdrs;

public sealed class SwitchCdrCsvTests
{
    [Fact]
    public void Header_IsFrozen() =>
        Assert.Equal(
            "id,account,caller,callee_dialed,callee,start,answer,end,billable_seconds,disposition,sip_call_id,codec,site,direction,forwarded,emergency,answered_by,calling_account\n",
            Encoding.ASCII.GetString(SwitchCdrCsv.HeaderLine)); // columns only ever grow at the end (emergency: issue 14; answered_by: issue 15; calling_account: issue 16)

    [Fact]
    public void ALineWrittenBeforeTheAnsweredByColumn_StillReads_AsAnsweredByNoLineNamed()
    {
        var fields = new List<string>();
        Assert.True(SwitchCdrCsv.TrySplit("f1,acme,4165550100,2125551234,12125551234,2026-10-01T12:00:00Z,2026-10-01T12:00:01Z,2026-10-01T12:00:03Z,2,answered,f1@switch,,HQ,outgoing,false,true", fields));

        var cdr = SwitchCdrCsv.Parse(fields, out var error);

        Assert.Null(error);
        Assert.Equal((true, string.Empty), (cdr!.Emergency, cdr.AnsweredBy));
    }

    [Fact]
    public void ALineWrittenBeforeTheEmergencyColumn_StillReads_AsNotEmergency()
    {
        var fields = new List<string>();
        Assert.True(SwitchCdrCsv.TrySplit("f1,acme,4165550100,2125551234,12125551234,2026-10-01T12:00:00Z,,2026-10-01T12:00:03Z,0,busy,f1@switch,,HQ,outgoing,false", fields));

        var cdr = SwitchCdrCsv.Parse(fields, out var error);

        Assert.Null(error);
        Assert.False(cdr!.Emergency);
    }

    [Fact]
    public void DispositionNames_AreFrozen()
    {
        Assert.Equal(
            ["answered", "busy", "no-answer", "cancelled", "failed", "refused-by-limit", "refused-by-balance", "refused-by-fraud"],
            Enum.GetValues<CallDisposition>().Select(d => d.ToWireName()));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Enum.GetValues<CallDisposition>().Select(d => (int)d));
    }

    [Fact]
    public void WriteThenParse_AwkwardValues_RoundTrip()
    {
        var cdr = new SwitchCdr("c,1", "Acme \"HQ\"", "Zoë\r\n<sip:101>", "011447700900123", "447700900123",
            Instant.FromUnixTimeTicks(17_900_000_001_234_567), Instant.FromUtc(2026, 10, 1, 9, 0, 5), Instant.FromUtc(2026, 10, 1, 9, 1, 6), 61,
            CallDisposition.Answered, "a84b4c76e66710@pc33.atlanta.example.com", "G729", "Site, A", CallDirection.Incoming, true) { AnsweredBy = "16045550102" };
        var line = new ByteBuffer();
        SwitchCdrCsv.Write(cdr, line);
        var text = Encoding.UTF8.GetString(line.Written);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Count(c => c == '\n'));

        var fields = new List<string>();
        Assert.True(SwitchCdrCsv.TrySplit(text.TrimEnd('\n'), fields));
        var parsed = SwitchCdrCsv.Parse(fields, out var error);
        Assert.Null(error);
        Assert.Equal(cdr with { Caller = "Zoë  <sip:101>" }, parsed);
    }

    [Fact]
    public void Write_UnansweredCall_LeavesAnswerEmpty()
    {
        var line = new ByteBuffer();
        SwitchCdrCsv.Write(Cdr.Failed("f1", "acme", CallDisposition.Busy), line);
        Assert.Equal(
            "f1,acme,4165550100,2125551234,12125551234,2026-10-01T12:00:00Z,,2026-10-01T12:00:03Z,0,busy,f1@switch,,HQ,outgoing,false,false,,\n",
            Encoding.UTF8.GetString(line.Written)); // answered by nobody, no calling account: the last two columns empty
    }

    [Theory]
    [InlineData("a,\"b")]
    [InlineData("a,b\"c")]
    [InlineData("\"a\"x,b")]
    public void TrySplit_BrokenQuoting_False(string line) => Assert.False(SwitchCdrCsv.TrySplit(line, []));

    [Fact]
    public void Parse_BadDisposition_NamesTheField()
    {
        var fields = new List<string>();
        Assert.True(SwitchCdrCsv.TrySplit("x,a,c,d,1,2026-10-01T12:00:00Z,,2026-10-01T12:00:03Z,0,hung-up,id,,HQ,outgoing,false", fields));
        Assert.Null(SwitchCdrCsv.Parse(fields, out var error));
        Assert.Equal("disposition: unknown", error);
    }

    [Fact]
    public void BillableSecondsBetween_StartedSecondCountsCappedAtTheAuthorizedMaximum()
    {
        var answer = Instant.FromUtc(2026, 10, 1, 9, 0);
        Assert.Equal(0, SwitchCdr.BillableSecondsBetween(answer, answer, 7200));
        Assert.Equal(1, SwitchCdr.BillableSecondsBetween(answer, answer + Duration.FromMilliseconds(1), 7200));
        Assert.Equal(60, SwitchCdr.BillableSecondsBetween(answer, answer + Duration.FromSeconds(60), 7200));
        Assert.Equal(61, SwitchCdr.BillableSecondsBetween(answer, answer + Duration.FromMilliseconds(60_001), 7200));
        Assert.Equal(60, SwitchCdr.BillableSecondsBetween(answer, answer + Duration.FromMilliseconds(60_004), 60));
        Assert.Equal(0, SwitchCdr.BillableSecondsBetween(answer, answer - Duration.FromSeconds(1), 7200));
    }

    [Fact]
    public void CallingAccount_RoundTrips_AndALineWrittenBeforeTheColumnReadsNone()
    {
        var cdr = new SwitchCdr("f2", "bob", "+16045550201", "16045550299", "", NodaTime.Instant.FromUtc(2026, 10, 1, 12, 0), null,
            NodaTime.Instant.FromUtc(2026, 10, 1, 12, 0, 3), 0, CallDisposition.Busy, "f2@switch", "", "HQ", CallDirection.Incoming, false)
        { CallingAccount = "alice" };
        var line = new ByteBuffer();
        SwitchCdrCsv.Write(cdr, line);
        var fields = new List<string>();
        Assert.True(SwitchCdrCsv.TrySplit(Encoding.UTF8.GetString(line.Written).TrimEnd('\n'), fields));
        Assert.Equal(("+16045550201", "alice"), (SwitchCdrCsv.Parse(fields, out _)!.Caller, SwitchCdrCsv.Parse(fields, out _)!.CallingAccount));

        fields.RemoveAt(fields.Count - 1);
        Assert.Equal(string.Empty, SwitchCdrCsv.Parse(fields, out var error)!.CallingAccount);
        Assert.Null(error);
    }
}
