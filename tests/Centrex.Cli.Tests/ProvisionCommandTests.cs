namespace Centrex.Cli.Tests;

public sealed class ProvisionCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    [Fact]
    public void ImportThenExport_GivesBackEverythingImported_AndExportReimportsUnchanged()
    {
        var import = CliRun.Invoke("provision", "import", "--data", Data, SampleProvisioning.Path);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("now 6 customers, 6 accounts, 4 plans, 9 subscriptions, 2 discount plans, 4 payments, 1 one-off fees", import.Error, StringComparison.Ordinal);

        var export = CliRun.Invoke("provision", "export", "--data", Data);
        Assert.Equal(0, export.ExitCode);
        foreach (var id in new[] { "CUST-QC", "ACC-1006", "PLAN-UNLTD", "SUB-7", "DP-UK", "REF-1" })
        {
            Assert.Contains($"\"{id}\"", export.Out, StringComparison.Ordinal);
        }

        var file = _folder.Write("exported.json", export.Out);
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, file).ExitCode);
        Assert.Equal(export.Out, CliRun.Invoke("provision", "export", "--data", Data).Out);

        Assert.Equal(0, CliRun.Invoke("provision", "export", "--data", Data, "--out", _folder.File("out.json")).ExitCode);
        Assert.Equal(export.Out.TrimEnd(), File.ReadAllText(_folder.File("out.json")).TrimEnd());
    }

    [Fact]
    public void Import_APaymentReceivedAfterTomorrow_IsRefusedNamingTheFileThePaymentAndReceived_NothingImported()
    {
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, SampleProvisioning.Path).ExitCode);
        var day = NodaTime.Text.LocalDatePattern.Iso.Format(NodaTime.SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(30));
        var file = _folder.Write("payments.json", $$"""
            { "format": "centrex-provisioning/1", "payments": [
              { "id": "PAY-EARLY", "customer": "CUST-QC", "received": "2026-11-02", "amount": "10.00", "method": "card", "reference": "a" },
              { "id": "PAY-LATER", "customer": "CUST-QC", "received": "{{day}}", "amount": "10.00", "method": "card", "reference": "b" } ] }
            """);

        var run = CliRun.Invoke("provision", "import", "--data", Data, file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"centrex provision: {file}: payments (id \"PAY-LATER\"): received '{day}' is in the future", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PAY-EARLY", CliRun.Invoke("provision", "export", "--data", Data).Out, StringComparison.Ordinal); // all or nothing
    }

    [Fact]
    public async Task SipHashOutput_PastedIntoAnAccountsSipObject_ImportsAndExportsTheSwitchSections()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "centrex.dll"), "sip-hash", "--username", "alice", "--realm", SwitchProvisioning.Realm])
        {
            info.ArgumentList.Add(arg);
        }

        string hashes;
        using (var process = System.Diagnostics.Process.Start(info)!)
        {
            await process.StandardInput.WriteLineAsync(SwitchProvisioning.Password);
            process.StandardInput.Close();
            hashes = (await process.StandardOutput.ReadToEndAsync()).Trim();
            await process.WaitForExitAsync();
        }

        Assert.Equal($"\"ha1_md5\": \"{SwitchProvisioning.Ha1(false, "alice")}\", \"ha1_sha256\": \"{SwitchProvisioning.Ha1(true, "alice")}\"", hashes);
        var json = SwitchProvisioning.Json();
        var start = json.IndexOf("\"ha1_md5\"", StringComparison.Ordinal);
        var file = _folder.Write("switch.json", json[..start] + hashes + json[json.IndexOf(" } },", start, StringComparison.Ordinal)..]);

        var import = CliRun.Invoke("provision", "import", "--data", Data, file);
        var export = CliRun.Invoke("provision", "export", "--data", Data);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("switch: 2 sites, 2 trunks, 3 SIP accounts, 1 DIDs", import.Error, StringComparison.Ordinal);
        Assert.Contains($"\"ha1_sha256\": \"{SwitchProvisioning.Ha1(true, "alice")}\"", export.Out, StringComparison.Ordinal);
        Assert.Contains("\"realm\": \"centrex.test\"", export.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, _folder.Write("exported.json", export.Out)).ExitCode);
        Assert.Equal(export.Out, CliRun.Invoke("provision", "export", "--data", Data).Out);
    }

    [Theory]
    [InlineData("""{ "format": "centrex-provisioning/1", "customers": [ { "id": "X", "colour": "red" } ] }""", "colour")]
    [InlineData("""{ "format": "centrex-provisioning/1", "accounts": [ { "id": "ACC-9", "customer": "NOPE", "type": "credit", "credit_limit": "1.00", "requires_911": false } ] }""", "NOPE")]
    [InlineData("""{ "format": "centrex-provisioning/1", "products": [ { "id": "P", "name": "a", "monthly_fee": "1.00", "free_north_america_minutes": 0 }, { "id": "P", "name": "b", "monthly_fee": "1.00", "free_north_america_minutes": 0 } ] }""", "duplicate id \"P\"")]
    public void FailedImport_NamesTheRecord_AndChangesNothing(string json, string named)
    {
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, SampleProvisioning.Path).ExitCode);
        var before = CliRun.Invoke("provision", "export", "--data", Data).Out;

        var run = CliRun.Invoke("provision", "import", "--data", Data, _folder.Write("bad.json", json));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.json", run.Error, StringComparison.Ordinal);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, CliRun.Invoke("provision", "export", "--data", Data).Out);
    }
}
