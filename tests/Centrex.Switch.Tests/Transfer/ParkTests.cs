using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Media;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Issue 15, call parking (seed 004: park and release prefixes, default 70 and 71): Bob parks Alice's call by
/// transferring it to the park prefix; Carol, another phone of the customer, takes it with the release prefix and the
/// slot; a call nobody takes rings Bob back after the park timeout (45 s, on the manual clock). Real phones on UDP.
/// </summary>
public sealed class ParkTests : IAsyncLifetime
{
    private const string Alice = HookedSwitch.Caller;
    private const string Bob = HookedSwitch.Callee;
    private const string Carol = HookedSwitch.Prepaid;

    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));
    private readonly HookedSwitch _fixture;
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;
    private readonly TestPhone _carol;

    public ParkTests()
    {
        var relay = UdpParty.FreeRange(16);
        _fixture = new HookedSwitch(_clock, media: new MediaOptions(MediaMode.Relay, IPAddress.Loopback, relay, relay + 15), maxOutgoing: 3);
        _alice = new TestPhone(_fixture.Endpoint, Alice);
        _bob = new TestPhone(_fixture.Endpoint, Bob);
        _carol = new TestPhone(_fixture.Endpoint, Carol);
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        _carol.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public void Park_ThenReleaseFromAnotherPhone_TheParkedPartyTalksToIt()
    {
        var (invite, ok) = Flows.AnsweredCall(_alice, _bob);
        _bob.Send(Refer(invite, "702"));
        Assert.Equal(202, _bob.ReceiveResponse(202).StatusCode);
        var notify = _bob.ReceiveRequest("NOTIFY").Message;
        Assert.StartsWith("SIP/2.0 200 Parked in slot 2", notify.Text(notify.Body), StringComparison.Ordinal);
        var bye = _bob.ReceiveRequest("BYE").Message;
        _bob.Send(_bob.Response(bye, 200, "OK", "b1"));
        Flows.Sync(_bob, _fixture.Switch);
        Assert.Equal(1, _fixture.Switch.ActiveCalls); // Alice waits in slot 2

        // A re-INVITE from the parked party while nobody is there to answer it.
        _alice.Send(Flows.InDialog(_alice, ok, "INVITE", 3).Replace("Content-Length: 0\r\n\r\n",
            $"Content-Type: application/sdp\r\nContent-Length: {Flows.Sdp.Length}\r\n\r\n{Flows.Sdp}", StringComparison.Ordinal));
        Assert.Equal(488, _alice.ReceiveFinal().StatusCode);

        // Carol takes slot 2: Alice is re-INVITEd in her own dialog, and her answer answers Carol.
        Flows.Register(_carol);
        Flows.Invite(_carol, "712");
        var reInvite = _alice.ReceiveRequest("INVITE").Message;
        Assert.Equal(ok.Text(ok.CallId), reInvite.Text(reInvite.CallId));
        _alice.Send(_alice.Response(reInvite, 200, "OK", "a1", Flows.Sdp));
        _alice.ReceiveRequest("ACK");
        var carolOk = _carol.ReceiveResponse(200);
        Assert.Contains("m=audio", carolOk.Text(carolOk.Body), StringComparison.Ordinal);
        _carol.Send(Flows.InDialog(_carol, carolOk, "ACK", 2));
        Flows.Sync(_carol, _fixture.Switch);
        Assert.Equal((1, 1), (_fixture.Switch.ActiveCalls, _fixture.Switch.ConfirmedCalls));

        // Carol hangs up: Alice hears BYE; the slot is free again (dialing it is 404).
        _carol.Send(Flows.InDialog(_carol, carolOk, "BYE", 3));
        Assert.Equal(200, _carol.ReceiveResponse(200).StatusCode);
        var aliceBye = _alice.ReceiveRequest("BYE").Message;
        Assert.Equal(ok.Text(ok.CallId), aliceBye.Text(aliceBye.CallId));
        Flows.Invite(_carol, "712");
        Assert.Equal(404, _carol.ReceiveFinal().StatusCode);
    }

    [Fact]
    public void ParkedCallNotTaken_RingsTheParkerBack_AfterTheParkTimeout()
    {
        var (invite, ok) = Flows.AnsweredCall(_alice, _bob);
        _bob.Send(Refer(invite, "70")); // no slot: the lowest free one
        _bob.ReceiveResponse(202);
        var notify = _bob.ReceiveRequest("NOTIFY").Message;
        Assert.StartsWith("SIP/2.0 200 Parked in slot 1", notify.Text(notify.Body), StringComparison.Ordinal);
        var bye = _bob.ReceiveRequest("BYE").Message;
        _bob.Send(_bob.Response(bye, 200, "OK", "b1"));
        Flows.Sync(_bob, _fixture.Switch);

        _clock.Advance(Duration.FromSeconds(44));
        Assert.DoesNotContain(_bob.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);

        _clock.Advance(Duration.FromSeconds(1)); // 45 s: Bob's phone rings with Alice's number
        var ringback = _bob.ReceiveRequest("INVITE").Message;
        Assert.Contains(Alice, ringback.Text(ringback.Find(SipHeaderKind.From)), StringComparison.Ordinal);
        _bob.Send(_bob.Response(ringback, 200, "OK", "b2", Flows.Sdp));
        _bob.ReceiveRequest("ACK");
        var reInvite = _alice.ReceiveRequest("INVITE").Message;
        Assert.Equal(ok.Text(ok.CallId), reInvite.Text(reInvite.CallId));
        _alice.Send(_alice.Response(reInvite, 200, "OK", "a1", Flows.Sdp));
        _alice.ReceiveRequest("ACK");

        // They talk again: Alice's BYE reaches Bob on the ringback's dialog.
        _alice.Send(Flows.InDialog(_alice, ok, "BYE", 3));
        Assert.Equal(200, _alice.ReceiveResponse(200).StatusCode);
        var bobBye = _bob.ReceiveRequest("BYE").Message;
        Assert.Equal(ringback.Text(ringback.CallId), bobBye.Text(bobBye.CallId));
    }

    [Fact]
    public void ParkInATakenSlot_Is486_AndTheCallStays()
    {
        var (invite, _) = Flows.AnsweredCall(_alice, _bob);
        _bob.Send(Refer(invite, "70"));
        _bob.ReceiveResponse(202);
        Flows.Sync(_bob, _fixture.Switch);

        // A second call, parked in slot 1 explicitly: taken.
        using var dave = new TestPhone(_fixture.Endpoint, Alice);
        var (second, _) = Flows.AnsweredCall(dave, _bob);
        _bob.Send(Refer(second, "701"));
        Assert.Equal(486, _bob.ReceiveFinal().StatusCode);
        Flows.Sync(_bob, _fixture.Switch);
        Assert.Equal((2, 2), (_fixture.Switch.ActiveCalls, _fixture.Switch.ConfirmedCalls)); // the parked call and the second, still talking
    }

    private string Refer(SipMessage invite, string user) =>
        Flows.FromCallee(_bob, invite, "b1", "REFER", 1).Replace("Content-Length", $"Refer-To: <sip:{user}@centrex.test>\r\nContent-Length", StringComparison.Ordinal);
}
