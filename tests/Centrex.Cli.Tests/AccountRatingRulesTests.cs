namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 17, rules 4 and 5: what an account's contract changes in how its calls are rated, from the data directory's
/// provisioning, through <c>centrex rate --data</c>. Without such provisioning (or without <c>--data</c>) the rated-file
/// contract is unchanged (<see cref="RateCommandTests"/>).
/// </summary>
public sealed class AccountRatingRulesTests : IDisposable
{
    private const string Tariff = """
        prefix,destination,rate,connect_fee,first_increment,next_increment
        1,North America,0.0100,0,6,6
        1800,Toll-free (800),0.0250,0,6,6

        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    private string Provision(string customerExtra, string accountExtra, string top = "")
    {
        var json = $$"""
            { "format": "centrex-provisioning/1" {{top}},
              "customers": [ { "id": "C1", "company": "Boulangerie", "contact": "I", "email": "c@x.example",
                "address": { "street": "1 rue", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J" },
                "time_zone": "America/Toronto" {{customerExtra}} } ],
              "accounts": [ { "id": "A1", "customer": "C1", "type": "credit" {{accountExtra}} } ] }
            """;
        var file = _folder.Write("p.json", json);
        var run = CliRun.Invoke("provision", "import", "--data", Data, file);
        Assert.True(run.ExitCode == 0, run.Error);
        return file;
    }

    private List<string> Rate(string cdrs)
    {
        var run = CliRun.Invoke("rate", "--data", Data, "--tariff", _folder.Write("t.csv", Tariff), "--cdrs", _folder.Write("c.csv", "id,account,caller,callee,start,duration\n" + cdrs),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. File.ReadLines(_folder.File("rated.csv")).Skip(1)];
    }

    /// <summary>
    /// Seed 000, "Free Local Calling": "All calling plans include free local calling the local area or your incoming DID as
    /// well as free in network minutes."
    /// </summary>
    [Fact]
    public void CallInsideTheCustomersLocalCallingArea_IsLocalAndFree_OneOutsideIsDomestic()
    {
        Provision(", \"rate_centre\": \"MTL\"", string.Empty,
            top: """, "rate_centres": [ { "id": "MTL", "name": "Montréal", "prefixes": ["1514555", "1438"] } ]""");
        var rated = Rate("""
            l1,A1,5145550100,5145550199,2026-10-01T09:00:00Z,120
            l2,A1,5145550100,4385551234,2026-10-01T09:01:00Z,61
            d1,A1,5145550100,5145560199,2026-10-01T09:02:00Z,120
            d2,A1,5145550100,4165550199,2026-10-01T09:03:00Z,120

            """);
        Assert.Equal(
        [
            "l1,A1,15145550199,1,North America,local,120,0.000",
            "l2,A1,14385551234,1,North America,local,66,0.000",
            "d1,A1,15145560199,1,North America,domestic,120,0.020",
            "d2,A1,14165550199,1,North America,domestic,120,0.020",
        ], rated);
    }

    [Fact]
    public void LocalRate_OfTheAccountsOwnRateCentre_OverridesTheCustomers()
    {
        Provision(", \"rate_centre\": \"MTL\"", ", \"rate_centre\": \"TOR\"",
            top: """, "rate_centres": [ { "id": "MTL", "prefixes": ["1514"] }, { "id": "TOR", "name": "Toronto", "prefixes": ["1416"], "rate": "0.005" } ]""");
        Assert.Equal(
            ["t1,A1,14165550199,1,North America,local,120,0.010", "m1,A1,15145550199,1,North America,domestic,120,0.020"],
            Rate("t1,A1,4165550100,4165550199,2026-10-01T09:00:00Z,120\nm1,A1,4165550100,5145550199,2026-10-01T09:00:00Z,120\n"));
    }

    /// <summary>
    /// Seed 001, "Will I be charged for incoming phone calls?": "All standard Cititone VoIP Business Plans include free
    /// incoming calling with the exception of calling plans using Toll Free DID numbers. Toll Free numbers are charged
    /// according to your service contract." And "Why am I being billed for toll free calls?": "All calls placed to toll
    /// free numbers are billed at the rates listed".
    /// </summary>
    [Fact]
    public void CallReceivedOnTheAccountsTollFreeDid_IsChargedAtItsInboundRate_ACallPlacedToTollFreeAtTheTariff()
    {
        Provision(string.Empty, """, "sip": { "username": "A1", "ha1_md5": "00000000000000000000000000000000" }, "dids": ["+18005550100"], "inbound_rates": { "+18005550100": "0.045" }""");
        Assert.Equal(
            ["i1,A1,18005550100,1800,Toll-free (800),toll-free-inbound,600,0.450", "o1,A1,18005559999,1800,Toll-free (800),toll-free,600,0.250"],
            Rate("i1,A1,4165550100,18005550100,2026-10-01T09:00:00Z,600\no1,A1,5145550100,18005559999,2026-10-01T09:00:00Z,600\n"));
        Assert.Contains("\"inbound_rates\"", CliRun.Invoke("provision", "export", "--data", Data).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void InboundRate_ForANumberTheAccountDoesNotHave_IsRefused()
    {
        var file = _folder.Write("bad.json", """
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "C1", "company": "B", "contact": "I", "email": "c@x.example",
                "address": { "street": "1", "city": "M", "province": "QC", "country": "CA", "postal_code": "H2J" }, "time_zone": "America/Toronto" } ],
              "accounts": [ { "id": "A1", "customer": "C1", "type": "credit", "inbound_rates": { "+18005550100": "0.045" } } ] }
            """);
        var run = CliRun.Invoke("provision", "import", "--data", Data, file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("accounts (id \"A1\"): inbound rate for +18005550100, which is not one of its dids", run.Error, StringComparison.Ordinal);
    }
}
