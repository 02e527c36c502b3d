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
/// Issue 15, attended transfer (REFER with Replaces, RFC 3891) with sipp phones only: Alice (101) calls Bob (102), who
/// answers; Bob consults Carol (103) in a second call and then REFERs Alice to 103 with Replaces naming his dialog of
/// that consultation call. Bob is one phone with two calls, so he is two sipp processes in sipp's 3PCC mode (a twin
/// command socket): his first call's scenario, once answered, commands his twin to call Carol, and the twin answers
/// with the consultation dialog (Call-ID and tags) to put in the Replaces. Bob's scenario checks the 202 and the
/// NOTIFYs (100 Trying, then 200 OK ending the subscription) and takes the BYE of his first call; his twin takes the
/// BYE of the consultation call; Carol is re-INVITEd in her own dialog and Alice toward the merged call's relay
/// session, and RTP sent to Alice's new relay port crosses to Carol, who echoes it back.
/// </summary>
public sealed partial class SippAttendedTransferTests : IDisposable
{
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Sipp_AttendedTransfer_BobConsultsCarol_ThenReplacesHisCallWithHer_AndAliceTalksToCarol()
    {
        var relayPorts = UdpParty.FreeRange(16);
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        await using var fixture = new HookedSwitch(clock, media: new MediaOptions(MediaMode.Relay, IPAddress.Loopback, relayPorts, relayPorts + 15),
            maxOutgoing: 3);

        var carolPort = Sipp.FreeUdpPort();
        var bobPort = Sipp.FreeUdpPort();
        foreach (var (account, port) in new[] { (HookedSwitch.Prepaid, carolPort), (HookedSwitch.Callee, bobPort) })
        {
            var registered = Sipp.Run("register", fixture.Endpoint, port, "-s", account, "-au", account, "-ap", SwitchFixture.Password);
            Assert.True(registered.ExitCode == 0, registered.Output);
        }

        using var carol = Sipp.Listen("uas-answer-reinvited", fixture.Endpoint, carolPort, "-rtp_echo");

        // Bob's twin listens on the command socket first (sipp: the recvCmd side is started before the sendCmd side).
        var twin = $"127.0.0.1:{Sipp.FreeUdpPort().ToString(CultureInfo.InvariantCulture)}";
        using var consult = Sipp.Listen("uac-consult", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "103", "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password, "-3pcc", twin);
        Sipp.WaitUntilBound(int.Parse(twin[(twin.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture), consult, tcp: true);
        using var bob = Sipp.Listen("uas-answer-refer-replaces", fixture.Endpoint, bobPort, "-s", "103", "-3pcc", twin);

        var alice = new SippTrace(_logs.Path, "alice");
        using var aliceCall = Sipp.Start("uac-call-transferred", fixture.Endpoint, Sipp.FreeUdpPort(),
            ["-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, .. alice.Args]);

        var bobResult = Sipp.Finish(bob); // answered, REFER with Replaces, 202, NOTIFY 100 and 200 checked, BYE
        Assert.True(bobResult.ExitCode == 0, "bob: " + bobResult.Output);
        var consultResult = Sipp.Finish(consult); // called Carol, was answered, then released by the switch's BYE
        Assert.True(consultResult.ExitCode == 0, "bob's consultation call: " + consultResult.Output);

        // Alice's second INVITE received is the re-INVITE toward the merged call (her own INVITE was sent, not received).
        var reInvite = alice.WaitFor("INVITE sip:caller@");
        var aliceSide = int.Parse(AudioLine().Match(reInvite).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(aliceSide, relayPorts, relayPorts + 15);
        using var phone = new UdpParty();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var packet = new byte[] { 0x80, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 7 };
        phone.SendTo(aliceSide, packet);
        var (echo, from) = await phone.ReceiveAsync(guard.Token);
        Assert.Equal(packet, echo); // Carol's sipp echoed it: Alice's media reaches Carol
        Assert.Equal(aliceSide, from);

        fixture.Switch.Quiesce();
        Assert.Equal((1, 1), (fixture.Switch.ActiveCalls, fixture.Switch.ConfirmedCalls)); // one call left: Alice and Carol
        clock.Advance(Duration.FromMinutes(120)); // the cap: BYE to Alice and Carol
        var aliceResult = Sipp.Finish(aliceCall);
        var carolResult = Sipp.Finish(carol);
        Assert.True(aliceResult.ExitCode == 0, "alice: " + aliceResult.Output);
        Assert.True(carolResult.ExitCode == 0, "carol: " + carolResult.Output);
    }

    [GeneratedRegex(@"m=audio (\d+) ")]
    private static partial Regex AudioLine();
}
