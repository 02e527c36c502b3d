using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Centrex.Switch.Clock;
using Centrex.Switch.Media;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 15, blind transfer with three sipp phones: Alice (101) calls Bob (102); Bob answers and REFERs her to 103
/// (Carol, a registered sipp callee echoing RTP). Bob's scenario checks the 202 and every NOTIFY's sipfrag (100, 180,
/// 200 with the subscription terminated) and takes the switch's BYE; Alice's takes the re-INVITE toward the new relay
/// session; RTP sent to Alice's new relay port crosses to Carol and comes back.
/// </summary>
public sealed partial class SippTransferTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Sipp_BlindTransfer_BobReceivesTheNotifies_AndAliceTalksToCarol()
    {
        var relayPorts = UdpParty.FreeRange(16);
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        await using var fixture = new HookedSwitch(clock, media: new MediaOptions(MediaMode.Relay, IPAddress.Loopback, relayPorts, relayPorts + 15),
            maxOutgoing: 3);
        var aliceLog = Path.Combine(_logs.Path, "alice.log");

        var carolPort = Sipp.FreeUdpPort();
        var bobPort = Sipp.FreeUdpPort();
        foreach (var (account, port) in new[] { (HookedSwitch.Prepaid, carolPort), (HookedSwitch.Callee, bobPort) })
        {
            var registered = Sipp.Run("register", fixture.Endpoint, port, "-s", account, "-au", account, "-ap", SwitchFixture.Password);
            Assert.True(registered.ExitCode == 0, registered.Output);
        }

        using var carol = Sipp.Listen("uas-answer", fixture.Endpoint, carolPort, "-rtp_echo");
        using var bob = Sipp.Listen("uas-answer-refer", fixture.Endpoint, bobPort, "-s", "103");
        using var alice = Sipp.Start("uac-call-transferred", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-trace_msg", "-message_file", aliceLog);

        var bobResult = Sipp.Finish(bob); // the REFER, 202, three NOTIFYs checked, the switch's BYE
        Assert.True(bobResult.ExitCode == 0, "bob: " + bobResult.Output);

        // Alice's re-INVITE pointed her at the new relay session; RTP from "Alice" reaches Carol, who echoes it back.
        var aliceSide = await MediaPortIn(aliceLog, "INVITE sip:caller@"); // the re-INVITE to her Contact, not her own INVITE
        Assert.InRange(aliceSide, relayPorts, relayPorts + 15);
        using var phone = new UdpParty();
        var packet = new byte[] { 0x80, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 7 };
        phone.SendTo(aliceSide, packet);
        var (echo, from) = await phone.ReceiveAsync(_guard.Token);
        Assert.Equal(packet, echo);
        Assert.Equal(aliceSide, from);

        clock.Advance(Duration.FromMinutes(120)); // the cap: BYE to Alice and Carol
        var aliceResult = Sipp.Finish(alice);
        var carolResult = Sipp.Finish(carol);
        Assert.True(aliceResult.ExitCode == 0, "alice: " + aliceResult.Output);
        Assert.True(carolResult.ExitCode == 0, "carol: " + carolResult.Output);
    }

    /// <summary>The audio port in the SDP of the first message in sipp's log starting with <paramref name="startLine"/> (waits, bounded).</summary>
    private async Task<int> MediaPortIn(string log, string startLine)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : "";
            var at = text.IndexOf("\n" + startLine, StringComparison.Ordinal);
            if (at >= 0 && AudioLine().Match(text, at) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            await Task.Delay(20, _guard.Token);
        }
    }

    [GeneratedRegex(@"m=audio (\d+) ")]
    private static partial Regex AudioLine();
}
