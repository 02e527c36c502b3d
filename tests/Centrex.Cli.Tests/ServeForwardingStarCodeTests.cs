using System.Globalization;
using System.Net;
using System.Text.Json;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 15, <c>*73</c> and <c>*33</c> in the real process: the phone's forwarding and the customer's night mode are
/// kept by the store (<c>provision export</c> shows <c>phone_forwarding</c> and <c>night_mode</c>), so a restarted serve
/// still forwards, and <c>*33</c> after the restart toggles from the kept value; <c>*73*</c> rings the phone again.
/// </summary>
public sealed class ServeForwardingStarCodeTests : IDisposable
{
    private const string Line = SwitchProvisioning.Prepaid; // extension 102, DID +16045550100
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StarCode73_ForwardsLive_KeptAcrossARestart_Export_ShowsIt_And73StarRingsThePhoneAgain()
    {
        var data = _folder.File("data");
        var (trunkPort, sipPort, phonePort, alicePort) = (Sipp.FreeUdpPort(), Sipp.FreeUdpPort(), Sipp.FreeUdpPort(), Sipp.FreeUdpPort());
        var json = SwitchProvisioning.Json(trunkSources: $"\"127.0.0.1:{trunkPort}\"").Replace("\"*98\"]", "\"*98\", \"*33\"]", StringComparison.Ordinal);
        var import = CliRun.Invoke("provision", "import", "--data", data, _folder.Write("base.json", json));
        Assert.True(import.ExitCode == 0, import.Error);
        var sip = new IPEndPoint(IPAddress.Loopback, sipPort);
        string[] serveArgs = ["--sip", $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}", "--media", "Direct"];

        using (var serve = await CentrexProcess.ServeSwitchAsync(data, serveArgs))
        {
            await serve.OutputLineAsync("sip udp ");
            Register(sip, Line, phonePort);
            Register(sip, "alice", alicePort);
            Dial(sip, "*73101"); // unconditional, to alice's extension
            await serve.ErrorTextAsync("switch directory reloaded"); // the store's write came back through live provisioning
            ForwardedToAlice(sip, trunkPort, alicePort, serve);
            Dial(sip, "*33"); // night
            await serve.ErrorTextAsync("switch directory reloaded", count: 2);
            var export = CliRun.Invoke("provision", "export", "--data", data).Out;
            Assert.Equal("""{"when":"always","number":"101"}""", PhoneForwarding(export));
            Assert.Contains("\"night_mode\": true", export, StringComparison.Ordinal);
            Assert.Equal(0, await serve.StopAsync());
        }

        using (var serve = await CentrexProcess.ServeSwitchAsync(data, serveArgs))
        {
            await serve.OutputLineAsync("sip udp ");
            Register(sip, Line, phonePort);
            Register(sip, "alice", alicePort);
            ForwardedToAlice(sip, trunkPort, alicePort, serve); // still forwarded after the restart

            Dial(sip, "*33"); // from the kept night mode back to day
            Dial(sip, "*73*");
            await serve.ErrorTextAsync("switch directory reloaded");
            using var phone = Sipp.Listen("uas-busy", sip, phonePort);
            Assert.True(TrunkCall(sip, trunkPort, "uac-trunk-busy").ExitCode == 0, "the phone rings again (and answers busy)\n" + serve.Error);
            Assert.True(Sipp.Finish(phone).ExitCode == 0, "the phone got the call");
            Assert.Equal(0, await serve.StopAsync());
        }

        var after = CliRun.Invoke("provision", "export", "--data", data).Out;
        Assert.Equal("""{"when":"off"}""", PhoneForwarding(after));
        Assert.DoesNotContain("\"night_mode\"", after, StringComparison.Ordinal);
    }

    /// <summary>The line's <c>phone_forwarding</c> in an export, as compact JSON.</summary>
    private static string PhoneForwarding(string export)
    {
        using var document = JsonDocument.Parse(export);
        var account = document.RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == Line);
        return JsonSerializer.Serialize(account.GetProperty("phone_forwarding"));
    }

    private static void ForwardedToAlice(IPEndPoint sip, int trunkPort, int alicePort, CentrexProcess serve)
    {
        using var alice = Sipp.Listen("uas-answer", sip, alicePort);
        Assert.True(TrunkCall(sip, trunkPort, "uac-trunk-call").ExitCode == 0, "the call to the DID is answered by alice\n" + serve.Error);
        Assert.True(Sipp.Finish(alice).ExitCode == 0, "alice got the forwarded call");
    }

    private static void Register(IPEndPoint sip, string user, int port)
    {
        var run = Sipp.Run("register", sip, port, "-s", user, "-au", user, "-ap", SwitchProvisioning.Password);
        Assert.True(run.ExitCode == 0, "register: " + run.Output);
    }

    /// <summary>The line dials a star code from another port: 200, ACK, the switch's BYE.</summary>
    private static void Dial(IPEndPoint sip, string code)
    {
        var run = Sipp.Run("uac-call-until-bye", sip, Sipp.FreeUdpPort(), "-s", code, "-au", Line, "-ap", SwitchProvisioning.Password);
        Assert.True(run.ExitCode == 0, $"{code}: " + run.Output);
    }

    private static (int ExitCode, string Output) TrunkCall(IPEndPoint sip, int trunkPort, string scenario) =>
        Sipp.Run(scenario, sip, trunkPort, "-s", "+16045550100");
}
