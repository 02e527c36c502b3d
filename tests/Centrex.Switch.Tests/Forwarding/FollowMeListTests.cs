using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Forwarding;

/// <summary>
/// Seed 004 Follow-Me with several numbers, against the running switch on the manual clock: an extension, a
/// <c>sip:</c> URI (advanced mode: called directly at its IP address) and an external number through the trunk, tried
/// in order, each for its own ring-for, or all at once, each still giving up after its own ring-for; and advanced
/// conditional forwarding to a URI after the line's ring time. Every party is a phone on a real UDP socket.
/// </summary>
public sealed class FollowMeListTests : IAsyncLifetime
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string External = "12125551234";

    private readonly TestPhone _gateway = new(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
    private readonly TestPhone _desk = new(new IPEndPoint(IPAddress.Loopback, 9), "desk");
    private readonly SwitchFixture _fixture;
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;
    private readonly TestPhone _carol;

    public FollowMeListTests()
    {
        _fixture = new SwitchFixture(trunk: _gateway.Local, partitions: 1);
        _gateway.Retarget(_fixture.Endpoint);
        _desk.Retarget(_fixture.Endpoint);
        _alice = new TestPhone(_fixture.Endpoint, Alice);
        _bob = new TestPhone(_fixture.Endpoint, Bob);
        _carol = new TestPhone(_fixture.Endpoint, "16045550103");
        Flows.Register(_bob);
        Flows.Register(_carol);
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        foreach (var phone in new[] { _gateway, _desk, _alice, _bob, _carol })
        {
            phone.Dispose();
        }

        await _fixture.DisposeAsync();
    }

    private string Desk => $"sip:desk@{_desk.Local}";

    private void Forward(ForwardWhen when, bool simultaneous, params (string Number, int RingFor)[] targets) =>
        _fixture.Live.Replace(new FeatureDirectory(_fixture.Directory, "acme", DateTimeZone.Utc, forwarding: new Dictionary<string, LineForwarding>
        {
            [Bob] = new(when, 20, simultaneous, [.. targets.Select(t => new ForwardTarget(t.Number, t.RingFor, []))]),
        }));

    private void Advance(int seconds)
    {
        Flows.Sync(_alice, _fixture.Switch);
        _fixture.Clock.Advance(Duration.FromSeconds(seconds));
    }

    private static bool NoInvite(TestPhone phone) => !phone.Drain().Any(m => m.IsRequest && m.Method == SipMethod.Invite);

    private SipMessage Answer(TestPhone phone, SipMessage invite, string tag)
    {
        phone.Send(phone.Response(invite, 200, "OK", tag, Flows.Sdp));
        var ok = _alice.ReceiveResponse(200);
        _alice.Send(Flows.InDialog(_alice, ok, "ACK", 2));
        phone.ReceiveRequest("ACK");
        return ok;
    }

    [Fact]
    public void InOrder_EachNumberRingsForItsRingFor_ThenTheNext_TheExternalOneAnswersAsBobsForwardedCall()
    {
        Forward(ForwardWhen.Always, simultaneous: false, ("103", 10), (Desk, 15), (External, 20));

        Flows.Invite(_alice, "102");
        var carol = Flows.Ring(_carol, "c1");
        Advance(9);
        Assert.True(NoInvite(_desk) && NoInvite(_gateway) && NoInvite(_bob), "only the first number rings during its ring-for");
        Advance(1);
        Flows.TakeCancel(_carol, carol, "c1");
        var desk = Flows.Ring(_desk, "d1");
        Assert.StartsWith($"INVITE {Desk} SIP/2.0", System.Text.Encoding.UTF8.GetString(desk.Bytes), StringComparison.Ordinal);
        Advance(14);
        Assert.True(NoInvite(_gateway), "the URI still has a second to ring");
        Advance(1);
        Flows.TakeCancel(_desk, desk, "d1");
        var gateway = Flows.Ring(_gateway, "g1");
        Assert.StartsWith($"INVITE sip:{External}@", System.Text.Encoding.UTF8.GetString(gateway.Bytes), StringComparison.Ordinal);
        var ok = Answer(_gateway, gateway, "g1");
        _alice.Send(Flows.InDialog(_alice, ok, "BYE", 3));
        var bye = _gateway.ReceiveRequest("BYE").Message;
        _gateway.Send(_gateway.Response(bye, 200, "OK", "g1"));
        Flows.Sync(_alice, _fixture.Switch);

        Assert.True(NoInvite(_bob), "unconditional follow-me never rings the line's own phone");
        var end = Assert.Single(_fixture.Cdrs.Ends); // seed 001: Bob's forwarded call to the number that answered
        Assert.Equal((CallDisposition.Answered, true, Bob, External, CallDirection.Outgoing),
            (end.Disposition, end.Call.Forwarded, end.Call.AccountId, end.Call.Normalized, end.Call.Direction));
    }

    [Fact]
    public void AllAtOnce_EachNumberGivesUpAfterItsOwnRingFor_TheUriAnswers_AsACallToBobNotAForwardedOne()
    {
        Forward(ForwardWhen.Always, simultaneous: true, ("103", 10), (External, 20), (Desk, 30));

        Flows.Invite(_alice, "102");
        var carol = Flows.Ring(_carol, "c1");
        var gateway = Flows.Ring(_gateway, "g1");
        var desk = Flows.Ring(_desk, "d1");
        Assert.Equal(180, _alice.ReceiveResponse(180).StatusCode);
        Advance(10);
        Flows.TakeCancel(_carol, carol, "c1"); // 103's ring-for
        Advance(9);
        Assert.Empty(_gateway.Drain());
        Advance(1);
        Flows.TakeCancel(_gateway, gateway, "g1"); // the external number's ring-for
        var ok = Answer(_desk, desk, "d1");
        _alice.Send(Flows.InDialog(_alice, ok, "BYE", 3));
        var bye = _desk.ReceiveRequest("BYE").Message;
        _desk.Send(_desk.Response(bye, 200, "OK", "d1"));
        Flows.Sync(_alice, _fixture.Switch);

        // Only the answered leg counts: the URI is not priced (no trunk, no tariff), so the call is Alice's call to Bob.
        var end = Assert.Single(_fixture.Cdrs.Ends);
        Assert.Equal((CallDisposition.Answered, false, Alice, Bob, CallDirection.Internal),
            (end.Disposition, end.Call.Forwarded, end.Call.AccountId, end.Call.CalleeAccountId, end.Call.Direction));
    }

    [Fact]
    public void Advanced_ConditionalForwardingToASipUri_RingsTheLineForItsRingTime_ThenTheUri()
    {
        Forward(ForwardWhen.Unanswered, simultaneous: false, (Desk, 30));

        Flows.Invite(_alice, "102");
        var own = Flows.Ring(_bob, "b1");
        Advance(19);
        Assert.True(NoInvite(_desk), "the line rings for its ring time first");
        Advance(1);
        Flows.TakeCancel(_bob, own, "b1");
        var desk = Flows.Ring(_desk, "d1");
        Assert.DoesNotContain(Alice, desk.Text(desk.Find(SipHeaderKind.From)), StringComparison.Ordinal); // off-net: never the account id (Alice has no DID)
        Answer(_desk, desk, "d1");
        Flows.Sync(_alice, _fixture.Switch);

        Assert.Equal(1, _fixture.Switch.ConfirmedCalls);
    }
}
