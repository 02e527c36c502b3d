using System.Globalization;
using System.Net;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 15, star codes in the real process: a phone dials *78 (do not disturb) and gets 200; the next call to its DID
/// is refused 480 at once; the store keeps the setting (<c>provision export</c> shows it) and a restarted serve still
/// refuses; *79 turns it off and the phone rings again (answering busy here, so the trunk sees 486).
/// </summary>
public sealed class ServeStarCodeTests : IDisposable
{
    private const string Line = SwitchProvisioning.Prepaid; // extension 102, DID +16045550100
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StarCode78_TurnsDoNotDisturbOnLive_KeptInTheStoreAcrossARestart_And79TurnsItOff()
    {
        var data = _folder.File("data");
        var (trunkPort, sipPort, phonePort) = (Sipp.FreeUdpPort(), Sipp.FreeUdpPort(), Sipp.FreeUdpPort());
        var import = CliRun.Invoke("provision", "import", "--data", data,
            _folder.Write("base.json", SwitchProvisioning.Json(trunkSources: $"\"127.0.0.1:{trunkPort}\"")));
        Assert.True(import.ExitCode == 0, import.Error);
        var sip = new IPEndPoint(IPAddress.Loopback, sipPort);
        string[] serveArgs = ["--sip", $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}", "--media", "Direct"];

        using (var serve = await CentrexProcess.ServeSwitchAsync(data, serveArgs))
        {
            await serve.OutputLineAsync("sip udp ");
            Register(sip, phonePort);
            Dial(sip, "*78");
            await serve.ErrorTextAsync("switch directory reloaded"); // the store's write came back through live provisioning
            Assert.True(TrunkCall(sip, trunkPort, "uac-trunk-unavailable").ExitCode == 0, "a DND line is refused 480\n" + serve.Error);
            Assert.Contains("\"do_not_disturb\": true", CliRun.Invoke("provision", "export", "--data", data).Out, StringComparison.Ordinal);
            Assert.Equal(0, await serve.StopAsync());
        }

        using (var serve = await CentrexProcess.ServeSwitchAsync(data, serveArgs))
        {
            await serve.OutputLineAsync("sip udp ");
            Register(sip, phonePort);
            Assert.True(TrunkCall(sip, trunkPort, "uac-trunk-unavailable").ExitCode == 0, "still refused after the restart\n" + serve.Error);

            Dial(sip, "*79");
            using var phone = Sipp.Listen("uas-busy", sip, phonePort);
            Assert.True(TrunkCall(sip, trunkPort, "uac-trunk-busy").ExitCode == 0, "the phone rings again (and answers busy)\n" + serve.Error);
            Assert.True(Sipp.Finish(phone).ExitCode == 0, "the phone got the call");
            Assert.Equal(0, await serve.StopAsync());
        }

        Assert.Contains("\"do_not_disturb\": false", CliRun.Invoke("provision", "export", "--data", data).Out, StringComparison.Ordinal);
    }

    private static void Register(IPEndPoint sip, int phonePort)
    {
        var run = Sipp.Run("register", sip, phonePort, "-s", Line, "-au", Line, "-ap", SwitchProvisioning.Password);
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
