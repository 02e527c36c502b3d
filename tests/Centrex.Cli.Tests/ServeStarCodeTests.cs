using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 15, star codes in the real process: a phone dials *78 (do not disturb) and gets 200; the next call to its DID
/// is refused 480 at once; the store keeps the setting (<c>provision export</c> shows it) and a restarted serve still
/// refuses; *79 turns it off and the phone rings again (answering busy here, so the trunk sees 486).
/// </summary>
public sealed class ServeStarCodeTests : IDisposable
{
    private const string Line = StarCodeSwitch.Line;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StarCode78_TurnsDoNotDisturbOnLive_KeptInTheStoreAcrossARestart_And79TurnsItOff()
    {
        var sw = StarCodeSwitch.Import(_folder);
        var phonePort = Sipp.FreeUdpPort();

        using (var serve = await sw.StartAsync())
        {
            sw.Register(Line, phonePort);
            sw.Dial("*78");
            await serve.ErrorTextAsync("switch directory reloaded"); // the store's write came back through live provisioning
            Assert.True(sw.TrunkCall("uac-trunk-unavailable").ExitCode == 0, "a DND line is refused 480\n" + serve.Error);
            Assert.Contains("\"do_not_disturb\": true", sw.Export(), StringComparison.Ordinal);
            Assert.Equal(0, await serve.StopAsync());
        }

        using (var serve = await sw.StartAsync())
        {
            sw.Register(Line, phonePort);
            Assert.True(sw.TrunkCall("uac-trunk-unavailable").ExitCode == 0, "still refused after the restart\n" + serve.Error);

            sw.Dial("*79");
            using var phone = Sipp.Listen("uas-busy", sw.Sip, phonePort);
            Assert.True(sw.TrunkCall("uac-trunk-busy").ExitCode == 0, "the phone rings again (and answers busy)\n" + serve.Error);
            Assert.True(Sipp.Finish(phone).ExitCode == 0, "the phone got the call");
            Assert.Equal(0, await serve.StopAsync());
        }

        Assert.Contains("\"do_not_disturb\": false", sw.Export(), StringComparison.Ordinal);
    }
}
