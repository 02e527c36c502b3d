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
    private const string Line = StarCodeSwitch.Line;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StarCode73_ForwardsLive_KeptAcrossARestart_Export_ShowsIt_And73StarRingsThePhoneAgain()
    {
        var sw = StarCodeSwitch.Import(_folder, json => json.Replace("\"*98\"]", "\"*98\", \"*33\"]", StringComparison.Ordinal));
        var (phonePort, alicePort) = (Sipp.FreeUdpPort(), Sipp.FreeUdpPort());

        using (var serve = await sw.StartAsync())
        {
            sw.Register(Line, phonePort);
            sw.Register("alice", alicePort);
            sw.Dial("*73101"); // unconditional, to alice's extension
            await serve.ErrorTextAsync("switch directory reloaded"); // the store's write came back through live provisioning
            ForwardedToAlice(sw, alicePort, serve);
            sw.Dial("*33"); // night
            await serve.ErrorTextAsync("switch directory reloaded", count: 2);
            var export = sw.Export();
            Assert.Equal("""{"when":"always","number":"101"}""", PhoneForwarding(export));
            Assert.Contains("\"night_mode\": true", export, StringComparison.Ordinal);
            Assert.Equal(0, await serve.StopAsync());
        }

        using (var serve = await sw.StartAsync())
        {
            sw.Register(Line, phonePort);
            sw.Register("alice", alicePort);
            ForwardedToAlice(sw, alicePort, serve); // still forwarded after the restart

            sw.Dial("*33"); // from the kept night mode back to day
            sw.Dial("*73*");
            await serve.ErrorTextAsync("switch directory reloaded");
            using var phone = Sipp.Listen("uas-busy", sw.Sip, phonePort);
            Assert.True(sw.TrunkCall("uac-trunk-busy").ExitCode == 0, "the phone rings again (and answers busy)\n" + serve.Error);
            Assert.True(Sipp.Finish(phone).ExitCode == 0, "the phone got the call");
            Assert.Equal(0, await serve.StopAsync());
        }

        var after = sw.Export();
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

    private static void ForwardedToAlice(StarCodeSwitch sw, int alicePort, CentrexProcess serve)
    {
        using var alice = Sipp.Listen("uas-answer", sw.Sip, alicePort);
        Assert.True(sw.TrunkCall("uac-trunk-call").ExitCode == 0, "the call to the DID is answered by alice\n" + serve.Error);
        Assert.True(Sipp.Finish(alice).ExitCode == 0, "alice got the forwarded call");
    }
}
