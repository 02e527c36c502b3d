using System.Text;
using Centrex.Ledger;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using NodaTime;

namespace Centrex.Cli.Tests;

/// <summary><c>centrex cdr export</c> writes what <c>centrex rate</c> reads, and rates to what the switch charged.</summary>
public sealed class CdrExportCommandTests : IDisposable
{
    private const string Tariff =
        """
        prefix,destination,rate,connect_fee,first_increment,next_increment
        1,North America,0.0600,0,60,60
        1800,Toll-free,0,0,1,1
        44,United Kingdom,0.0300,0.0500,30,6

        """;

    private static readonly Instant Day = Instant.FromUtc(2026, 10, 1, 9, 0);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    private static SwitchCdr Call(string id, string callee, string normalized, int seconds, Instant start, CallDisposition disposition = CallDisposition.Answered, CallDirection direction = CallDirection.Outgoing) =>
        new(id, "acme", "4165550100", callee, normalized, start, disposition == CallDisposition.Answered ? start + Duration.FromSeconds(4) : null,
            start + Duration.FromSeconds(4 + seconds), disposition == CallDisposition.Answered ? seconds : 0, disposition, id + "@centrex", "PCMU",
            "HQ", direction, false);

    private static IEnumerable<SwitchCdr> Calls() =>
    [
        Call("c1", "2125551234", "12125551234", 61, Day),
        Call("c2", "011447700900123", "447700900123", 31, Day + Duration.FromHours(1)),
        Call("c3", "18005551234", "18005551234", 600, Day + Duration.FromHours(2)),
        Call("c4", "2125551234", "12125551234", 0, Day + Duration.FromHours(3), CallDisposition.Busy),
        Call("c5", "2125551234", "12125551234", 90, Day + Duration.FromHours(4), direction: CallDirection.Incoming),
        Call("c6", "2125551234", "12125551234", 45, Day + Duration.FromDays(1)),
    ];

    [Fact]
    public void Export_ThenRate_RatesEveryChargeableCallOfTheRange()
    {
        using (var store = new CdrStore(Data))
        {
            foreach (var cdr in Calls())
            {
                store.Append(cdr);
            }
        }

        var export = CliRun.Invoke("cdr", "export", "--data", Data, "--from", "2026-10-01", "--to", "2026-10-02", "--out", _folder.File("cdrs.csv"));
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("exported  3 chargeable CDRs", export.Error, StringComparison.Ordinal);
        Assert.Equal(
            """
            id,account,caller,callee,start,duration
            c1,acme,4165550100,+12125551234,2026-10-01T09:00:04Z,61
            c2,acme,4165550100,+447700900123,2026-10-01T10:00:04Z,31
            c3,acme,4165550100,+18005551234,2026-10-01T11:00:04Z,600

            """,
            File.ReadAllText(_folder.File("cdrs.csv")));

        var rate = CliRun.Invoke("rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", _folder.File("cdrs.csv"),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        Assert.Equal(0, rate.ExitCode);
        Assert.Equal(
            """
            id,account,callee,prefix,destination,class,billed_seconds,charge
            c1,acme,12125551234,1,North America,domestic,120,0.120
            c2,acme,447700900123,44,United Kingdom,international,36,0.068
            c3,acme,18005551234,1800,Toll-free,toll-free,600,0.000

            """,
            File.ReadAllText(_folder.File("rated.csv")));
        Assert.Equal("line,id,reason\n", File.ReadAllText(_folder.File("rejects.csv")));
    }

    [Fact]
    public void Export_OfCallsTheSwitchChargedInRealTime_RatedIntoTheSameLedgerAreAllDuplicates()
    {
        var rater = new Rater(TariffLoader.Parse(Encoding.UTF8.GetBytes(Tariff), "tariff.csv"), NumberingPlan.Default);
        Mills charged;
        using (var ledger = LedgerStore.Open(Data))
        {
            using (var writer = new LedgerWriterThread(ledger.Writer))
            using (var sink = new RealTimeCdrSink(rater, writer, Data))
            {
                foreach (var cdr in Calls())
                {
                    sink.Emit(cdr);
                }
            }

            charged = ledger.Balance("acme");
        }

        Assert.Equal(new Mills(-(120 + 68 + 0 + 60)), charged); // c1, c2, c3 (toll-free), c6 (45 s bill a minute)

        var export = CliRun.Invoke("cdr", "export", "--data", Data, "--out", _folder.File("cdrs.csv"));
        Assert.Equal(0, export.ExitCode);
        var rate = CliRun.Invoke("rate", "--tariff", _folder.Write("tariff.csv", Tariff), "--cdrs", _folder.File("cdrs.csv"),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"), "--data", Data);
        Assert.Equal(0, rate.ExitCode);
        Assert.Equal(
            """
            line,id,reason
            2,c1,duplicate
            3,c2,duplicate
            4,c3,duplicate
            5,c6,duplicate

            """,
            File.ReadAllText(_folder.File("rejects.csv")));
        using var reopened = LedgerStore.Open(Data);
        Assert.Equal(charged, reopened.Balance("acme"));
    }

    [Fact]
    public void Export_BadDate_ExitCode2()
    {
        Directory.CreateDirectory(CdrStore.FolderOf(Data));
        var run = CliRun.Invoke("cdr", "export", "--data", Data, "--from", "yesterday", "--out", _folder.File("x.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from 'yesterday'", run.Error, StringComparison.Ordinal);
    }
}
