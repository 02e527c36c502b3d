using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Media;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 15, call parking with three sipp phones: Alice (101) calls Bob (102); Bob parks her in slot 1 by REFER to
/// <c>701</c> (park prefix 70) and his scenario checks the final NOTIFY; Carol (103) dials <c>711</c> (release prefix
/// 71, slot 1), Alice's scenario takes the re-INVITE toward Carol, Carol is answered, talks and hangs up, and Alice
/// gets the BYE.
/// </summary>
public sealed class SippParkTests
{
    [Fact]
    public async Task Sipp_ParkBySlot_ThenReleaseFromAnotherPhone_TheParkedCallerTalksToIt()
    {
        var relayPorts = UdpParty.FreeRange(16);
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        await using var fixture = new HookedSwitch(clock, media: new MediaOptions(MediaMode.Relay, IPAddress.Loopback, relayPorts, relayPorts + 15),
            maxOutgoing: 3);
        var bobPort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, bobPort, "-s", HookedSwitch.Callee, "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);

        using var bob = Sipp.Listen("uas-answer-park", fixture.Endpoint, bobPort, "-s", "701");
        using var alice = Sipp.Start("uac-call-transferred", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);
        var bobResult = Sipp.Finish(bob);
        Assert.True(bobResult.ExitCode == 0, "bob: " + bobResult.Output);

        var carol = Sipp.Run("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "711", "-au", HookedSwitch.Prepaid, "-ap", SwitchFixture.Password, "-d", "200");
        var aliceResult = Sipp.Finish(alice);
        Assert.True(carol.ExitCode == 0, "carol: " + carol.Output);
        Assert.True(aliceResult.ExitCode == 0, "alice: " + aliceResult.Output);
    }
}
