using System.Diagnostics;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// Live provisioning in the real process (issue 14): <c>provision import</c> run beside a running <c>serve</c> changes
/// what its switch does within a second, without a restart and without touching the calls that are up.
/// </summary>
public sealed class ServeLiveProvisioningTests : IDisposable
{
    private const string Reloaded = "switch directory reloaded";
    private const string Dave = "16045550104";
    private const string DaveDid = "16045550199";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The acme customer with alice on a line with 100.00 of credit (so a second call is not refused for money).</summary>
    private static string Base(int gatewayPort, int trunkSourcePort, string site = "\"max_outgoing\": 2") =>
        SwitchProvisioning.Json(site, trunkSources: $"\"127.0.0.1:{trunkSourcePort}\"", trunkAddress: $"127.0.0.1:{gatewayPort}")
            .Replace("\"credit_limit\": \"0.100\"", "\"credit_limit\": \"100.00\"", StringComparison.Ordinal);

    /// <summary>serve with the switch over <see cref="Base"/>, returned once the switch listens (and so watches the store).</summary>
    private Task<ServedSwitch> ServeAsync(int? gatewayPort = null) => ServedSwitch.StartAsync(_folder, (gateway, trunk) => Base(gateway, trunk), gatewayPort: gatewayPort);

    private void Import(string data, string name, string json) => ServedSwitch.Import(_folder, data, name, json);

    /// <summary><see cref="Base"/> with the customer in rate centre nyc, whose free local calling area holds 212-555 (issue 17 rule 5).</summary>
    private static string WithNycRateCentre(int gatewayPort, int trunkSourcePort)
    {
        var local = Base(gatewayPort, trunkSourcePort)
            .Replace("\"format\": \"centrex-provisioning/1\",", "\"format\": \"centrex-provisioning/1\", \"rate_centres\": [ { \"id\": \"nyc\", \"name\": \"New York\", \"prefixes\": [\"1212555\"] } ],", StringComparison.Ordinal)
            .Replace("\"id\": \"acme\", \"company\": \"Acme\",", "\"id\": \"acme\", \"rate_centre\": \"nyc\", \"company\": \"Acme\",", StringComparison.Ordinal);
        Assert.Contains("\"rate_centre\": \"nyc\"", local, StringComparison.Ordinal);
        return local;
    }

    /// <summary>Stops serve: two calls stored and charged, together one long-distance minute (the other was local and free).</summary>
    private static async Task StoppedWithOneLongDistanceMinuteCharged(ServedSwitch served)
    {
        Assert.Equal(0, await served.StopAsync());
        Assert.Contains("switch CDRs: 2 stored, 2 charged", served.Serve.Error, StringComparison.Ordinal);
        var balance = CliRun.Invoke("balance", "--data", served.Data, "--account", SwitchProvisioning.Limited);
        Assert.True(balance.ExitCode == 0, balance.Error);
        Assert.Contains("exact -0.060", balance.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhileServing_ANewLineWithExtensionAndDid_IsServedWithinASecond_WithoutRestart()
    {
        using var served = await ServeAsync();
        var (data, serve, switchAddress, trunkPort) = (served.Data, served.Serve, served.Address, served.TrunkPort);

        var dave = $$"""
            { "format": "centrex-provisioning/1", "accounts": [
              { "id": "{{Dave}}", "customer": "acme", "type": "credit", "credit_limit": "10.00", "extension": "104",
                "sip": { "username": "dave", "ha1_md5": "{{SwitchProvisioning.Ha1(false, "dave")}}" }, "dids": ["+{{DaveDid}}"] } ] }
            """;
        Import(data, "dave.json", dave);
        var imported = Stopwatch.StartNew();
        await serve.ErrorTextAsync(Reloaded);
        Assert.True(imported.Elapsed < TimeSpan.FromSeconds(1), $"the import was served after {imported.Elapsed}");
        Assert.Contains(Reloaded + " from " + Path.Combine(data, "provisioning.db") + ": 4 SIP accounts", serve.Error, StringComparison.Ordinal);

        // The new line calls out through the trunk with its new credentials.
        served.CallOut(user: "dave", holdMilliseconds: 200);

        // Its phone registers, and both its new extension (from alice) and its new DID (from the trunk) ring it.
        var phonePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", switchAddress, phonePort, "-s", "dave", "-au", "dave", "-ap", SwitchProvisioning.Password);
        Assert.True(registered.ExitCode == 0, "register: " + registered.Output);
        foreach (var (scenario, port, extra) in new (string, int, string[])[]
        {
            ("uac-call-hold", Sipp.FreeUdpPort(), ["-s", "104", "-au", "alice", "-ap", SwitchProvisioning.Password, "-d", "200"]),
            ("uac-trunk-call", trunkPort, ["-s", "+" + DaveDid, "-d", "200"]),
        })
        {
            using var phone = Sipp.Listen("uas-answer", switchAddress, phonePort);
            var call = Sipp.Run(scenario, switchAddress, port, extra);
            Assert.True(call.ExitCode == 0, $"{scenario} to dave: {call.Output}{serve.Error}");
            Assert.True(Sipp.Finish(phone).ExitCode == 0, "dave's phone");
        }

        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("switch CDRs: 3 stored", serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhileACallIsUp_ChangingTheCallersSiteLimitAndDialPlan_TheCallStaysUpAndIsCharged_TheNextCallMeetsTheNewLimit()
    {
        using var gateway = new TrunkGateway();
        using var served = await ServeAsync(gateway.Port);
        var (data, serve, switchAddress, trunkPort) = (served.Data, served.Serve, served.Address, served.TrunkPort);

        using var caller = Sipp.Start("uac-call-until-bye", switchAddress, Sipp.FreeUdpPort(), "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password);
        await gateway.AnswerAsync(); // the call is up

        // The caller's site now allows one outgoing call (it allowed two), and its customer's dial plan changes.
        var change = Base(gateway.Port, trunkPort, site: "\"max_outgoing\": 1")
            .Replace("\"188\": \"16045550102\"", "\"188\": \"16045550103\"", StringComparison.Ordinal);
        Import(data, "change.json", change);
        await serve.ErrorTextAsync(Reloaded);

        // The next call meets the new limit at once (the one up holds the only slot)...
        var refused = Sipp.Run("uac-site-full", switchAddress, Sipp.FreeUdpPort(), "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password);
        Assert.True(refused.ExitCode == 0, "second call: " + refused.Output + serve.Error);

        // ...while the call that was up goes on until the far end hangs up, and is recorded and charged as usual.
        Assert.Equal(200, await gateway.HangUpAsync());
        var callerResult = Sipp.Finish(caller);
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output + serve.Error);
        Assert.Equal(-60, await served.ChargedBalanceAsync(SwitchProvisioning.Limited)); // one started minute at 0.06

        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("switch CDRs: 2 stored, 1 charged", serve.Error, StringComparison.Ordinal);
        var cdrs = _folder.File("cdrs.csv");
        Assert.Equal(0, CliRun.Invoke("cdr", "export", "--data", data, "--out", cdrs).ExitCode);
        Assert.Contains($",{SwitchProvisioning.Limited},", File.ReadAllText(cdrs), StringComparison.Ordinal); // the answered call, ready to rate
    }

    [Fact]
    public async Task RateCentre_ImportedWhileServing_TheNextCallInsideItsAreaIsChargedAsLocal()
    {
        using var served = await ServeAsync();
        var (data, serve, gatewayPort) = (served.Data, served.Serve, served.GatewayPort);

        served.CallOut(holdMilliseconds: 100); // long distance: one started minute at 0.06

        // The customer gets a rate centre whose free local calling area holds 212-555 (issue 17 rule 5), live.
        Import(data, "local.json", WithNycRateCentre(gatewayPort, Sipp.FreeUdpPort()));
        await serve.ErrorTextAsync(Reloaded);

        served.CallOut(holdMilliseconds: 100); // the same number, now local and free

        await StoppedWithOneLongDistanceMinuteCharged(served);
    }

    [Fact]
    public async Task RateCentre_ImportedWhileACallIsUp_ThatCallIsChargedAsItStarted_TheNextAsLocal()
    {
        using var gateway = new TrunkGateway();
        using var served = await ServeAsync(gateway.Port);
        var (data, serve, switchAddress, trunkPort) = (served.Data, served.Serve, served.Address, served.TrunkPort);
        using var caller = Sipp.Start("uac-call-until-bye", switchAddress, Sipp.FreeUdpPort(), "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password);
        await gateway.AnswerAsync(); // a long-distance call is up: one started minute at 0.06

        // While it is up, the customer gets a rate centre whose free local calling area holds 212-555 (issue 17 rule 5).
        Import(data, "local.json", WithNycRateCentre(gateway.Port, trunkPort));
        await serve.ErrorTextAsync(Reloaded);

        // The call ends after the change: it was authorized as long distance and is charged as such, not as local.
        Assert.Equal(200, await gateway.HangUpAsync());
        var callerResult = Sipp.Finish(caller);
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output + serve.Error);

        // The next call to the same number starts under the new rules: local and free.
        var second = Sipp.Start("uac-call-until-bye", switchAddress, Sipp.FreeUdpPort(), "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password);
        await gateway.AnswerAsync();
        Assert.Equal(200, await gateway.HangUpAsync());
        var secondResult = Sipp.Finish(second);
        second.Dispose();
        Assert.True(secondResult.ExitCode == 0, "second call: " + secondResult.Output + serve.Error);

        await StoppedWithOneLongDistanceMinuteCharged(served);
    }

    [Fact]
    public async Task FraudControls_ImportedWhileServing_RefuseTheNextPremiumCall403_AndServeLogsIt()
    {
        using var served = await ServeAsync();
        var (data, serve, switchAddress, gatewayPort) = (served.Data, served.Serve, served.Address, served.GatewayPort);
        served.CallOut("19005551234", holdMilliseconds: 100); // a premium call before the controls goes out

        var barred = Base(gatewayPort, Sipp.FreeUdpPort()).Replace("\"site\": \"hq\", \"extension\": \"101\",",
            "\"site\": \"hq\", \"extension\": \"101\", \"fraud\": { \"blocked_classes\": [\"premium\"] },", StringComparison.Ordinal);
        Import(data, "fraud.json", barred);
        await serve.ErrorTextAsync(Reloaded);

        foreach (var attempt in (int[])[1, 2])
        {
            var refused = Sipp.Run("uac-forbidden", switchAddress, Sipp.FreeUdpPort(), "-s", "19005551234", "-au", "alice", "-ap", SwitchProvisioning.Password);
            Assert.True(refused.ExitCode == 0, $"premium call {attempt} after the controls: {refused.Output}{serve.Error}");
        }

        Assert.Equal(0, await serve.StopAsync());
        Assert.Single(serve.Error.Split('\n'), l => l.Contains("fraud control: account 16045550101: call to 19005551234 refused (403 fraud control: premium-rate numbers barred", StringComparison.Ordinal));
        Assert.Contains("switch CDRs: 3 stored", serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreWrittenBehindImportsBack_ThatBreaksARule_IsReportedAndNotServed_TheSwitchKeepsItsDirectory()
    {
        using var served = await ServeAsync();
        var (data, serve) = (served.Data, served.Serve);

        // Another program writes the store without import's checks: an extension that is not digits.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "provisioning.db")};Pooling=False"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE accounts SET extension = '1x' WHERE id = '{SwitchProvisioning.Prepaid}'";
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        await serve.ErrorTextAsync("provisioning changed but cannot be served");
        Assert.Contains("extension '1x' is not 1 to 15 digits; the switch keeps the directory it has", serve.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Reloaded, serve.Error, StringComparison.Ordinal);
        var registered = Sipp.Run("register", served.Address, Sipp.FreeUdpPort(), "-s", "alice", "-au", "alice", "-ap", SwitchProvisioning.Password);
        Assert.True(registered.ExitCode == 0, "register: " + registered.Output + serve.Error);
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task RealmChange_WithoutNewHashes_IsRefusedNamingTheField_WithThem_IsServedAndPhonesAuthenticateInTheNewRealm()
    {
        using var served = await ServeAsync();
        var (data, serve, switchAddress) = (served.Data, served.Serve, served.Address);
        const string NewRealm = "voice.example";
        string Ha1(string user) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{user}:{NewRealm}:{SwitchProvisioning.Password}")));
        var settings = $$"""{ "realm": "{{NewRealm}}", "digest_algorithms": ["MD5"] }""";

        var bare = CliRun.Invoke("provision", "import", "--data", data, _folder.Write("realm.json",
            $$"""{ "format": "centrex-provisioning/1", "switch": {{settings}} }"""));
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("accounts (id \"16045550101\"): sip.ha1_md5, sip.ha1_sha256: switch.realm changes from \"centrex.test\" to \"voice.example\"", bare.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", bare.Error, StringComparison.Ordinal);

        var rehashed = $$"""
            { "format": "centrex-provisioning/1", "switch": {{settings}}, "accounts": [
              { "id": "{{SwitchProvisioning.Limited}}", "customer": "acme", "type": "credit", "credit_limit": "100.00", "site": "hq", "extension": "101",
                "sip": { "username": "alice", "ha1_md5": "{{Ha1("alice")}}" } },
              { "id": "{{SwitchProvisioning.Prepaid}}", "customer": "acme", "type": "debit", "site": "hq", "extension": "102",
                "sip": { "ha1_md5": "{{Ha1(SwitchProvisioning.Prepaid)}}" }, "dids": ["+16045550100"] },
              { "id": "{{SwitchProvisioning.NoCredit}}", "customer": "acme", "type": "credit", "sip": { "ha1_md5": "{{Ha1(SwitchProvisioning.NoCredit)}}" } } ] }
            """;
        Import(data, "rehashed.json", rehashed);
        await serve.ErrorTextAsync(Reloaded);
        Assert.Contains($"realm \"{NewRealm}\"", serve.Error, StringComparison.Ordinal);
        Assert.Equal(1, serve.Error.Split(Reloaded).Length - 1); // the refused import committed nothing, so nothing was reloaded for it

        // sipp hashes the password with the realm of the challenge: only the new realm's hashes can accept it.
        var registered = Sipp.Run("register", switchAddress, Sipp.FreeUdpPort(), "-s", "alice", "-au", "alice", "-ap", SwitchProvisioning.Password);
        Assert.True(registered.ExitCode == 0, "register in the new realm: " + registered.Output + serve.Error);
        Assert.Equal(0, await serve.StopAsync());
    }
}
