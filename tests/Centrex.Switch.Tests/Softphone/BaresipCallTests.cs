using System.Net;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Hooks;
using Centrex.Switch.Media;
using Centrex.Switch.Tests.Support;
using SippRunner = Centrex.Switch.Tests.Sipp.Sipp;

namespace Centrex.Switch.Tests.Softphone;

/// <summary>
/// Issue 15's real softphone: baresip registers with digest (MD5, what it offers), calls extension 102 (a sipp phone
/// that answers), puts the call on hold and takes it off hold (two re-INVITEs, RFC 3264 §8.4, relayed to the other
/// side through the switch's media relay: sipp fails unless the first offer says sendonly and the second sendrecv),
/// and hangs up. One answered CDR; the relay carried the call (no call fell back to direct media).
/// </summary>
public sealed class BaresipCallTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";

    [Fact]
    public async Task Baresip_Registers_Calls_HoldsAndResumes_ThroughTheRelay_AndHangsUp()
    {
        var relayPorts = UdpParty.FreeRange(4);
        using var media = new MediaHook(MediaCoreFactory.Create(new MediaOptions(MediaMode.Relay, IPAddress.Loopback, relayPorts, relayPorts + 3)));
        var cdrs = new CollectingCdrs();
        await using var fixture = new SwitchFixture(new CallHooks(PassThroughHooks.Instance, PassThroughHooks.Instance, media, cdrs), algorithms: "\"MD5\"");
        var bobPort = SippRunner.FreeUdpPort();
        var registered = SippRunner.Run("register", fixture.Endpoint, bobPort, "-s", Bob, "-au", Bob, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        using var bob = SippRunner.Listen("uas-answer-hold", fixture.Endpoint, bobPort);
        var (sip, control, rtp) = Baresip.FreePorts();
        using var alice = await Baresip.StartAsync(fixture.Endpoint, Alice, SwitchFixture.Password, sip, control, rtp);

        await alice.RegisteredAsync();
        await alice.CommandAsync("dial", $"sip:102@{fixture.Endpoint}");
        await alice.EventAsync("CALL_ESTABLISHED");
        await alice.EventAsync("CALL_REMOTE_SDP"); // the INVITE's answer
        await alice.CommandAsync("hold");
        await alice.EventAsync("CALL_REMOTE_SDP"); // the hold re-INVITE was answered, through the switch
        await alice.CommandAsync("resume");
        await alice.EventAsync("CALL_REMOTE_SDP");
        await alice.CommandAsync("hangup");
        await alice.EventAsync("CALL_CLOSED");

        var callee = SippRunner.Finish(bob);
        Assert.True(callee.ExitCode == 0, $"bob answered, was held (sendonly), resumed (sendrecv) and got BYE: {callee.Output}\n--- baresip ---\n{alice.Output}");
        fixture.Switch.Quiesce();
        var cdr = Assert.Single(cdrs.Ends);
        Assert.Equal((Alice, Bob, CallDisposition.Answered), (cdr.Call.AccountId, cdr.Call.CalleeAccountId, cdr.Disposition));
        Assert.Equal(0, media.Unrelayed);
    }
}
