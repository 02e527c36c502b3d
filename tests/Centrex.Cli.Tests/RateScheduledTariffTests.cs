namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex rate --data</c> rates each CDR with the tariff in force at its start, as <c>serve</c> does (issue 16): the
/// operator's scheduled tariffs (<c>DATA/tariffs/YYYY-MM-DD.csv</c>, each from 00:00 UTC of its day) over the
/// <c>--tariff</c> file, which prices the calls before the first. It once rated everything with <c>--tariff</c>.
/// </summary>
public sealed class RateScheduledTariffTests : IDisposable
{
    private const string Header = "prefix,destination,rate,connect_fee,first_increment,next_increment\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Rate_WithADataDirectory_PricesEachCdrWithTheTariffInForceAtItsStart_AcrossAnActivation()
    {
        var data = _folder.File("data");
        var provisioning = _folder.Write("p.json", """
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "C1", "company": "Boulangerie", "contact": "I", "email": "c@x.example",
                "address": { "street": "1 rue", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J" },
                "time_zone": "America/Toronto" } ],
              "accounts": [ { "id": "A1", "customer": "C1", "type": "credit" } ] }
            """);
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, provisioning).ExitCode);
        Directory.CreateDirectory(Path.Combine(data, "tariffs"));
        File.WriteAllText(Path.Combine(data, "tariffs", "2026-10-15.csv"), Header + "1,North America from the 15th,0.0500,0,60,60\n");
        File.WriteAllText(Path.Combine(data, "tariffs", "2026-11-01.csv"), Header + "1,North America in November,0.0700,0,60,60\n");

        var run = CliRun.Invoke("rate", "--data", data, "--tariff", _folder.Write("t.csv", Header + "1,North America,0.0100,0,60,60\n"),
            "--cdrs", _folder.Write("c.csv", """
                id,account,caller,callee,start,duration
                before,A1,5145550100,2125550199,2026-10-14T23:59:59Z,60
                at,A1,5145550100,2125550199,2026-10-15T00:00:00Z,60
                later,A1,5145550100,2125550199,2026-10-31T23:59:59.999Z,60
                november,A1,5145550100,2125550199,2026-11-01T00:00:00Z,60

                """),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
        [
            "before,A1,12125550199,1,North America,domestic,60,0.010",
            "at,A1,12125550199,1,North America from the 15th,domestic,60,0.050",
            "later,A1,12125550199,1,North America from the 15th,domestic,60,0.050",
            "november,A1,12125550199,1,North America in November,domestic,60,0.070",
        ], File.ReadLines(_folder.File("rated.csv")).Skip(1));
        // The ledger holds the same charges: 10 + 50 + 50 + 70 mills.
        Assert.Contains("-0.180", CliRun.Invoke("balance", "--data", data, "--account", "A1").Out, StringComparison.Ordinal);
    }
}
