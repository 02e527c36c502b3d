using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Media;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Issue 15: blind transfer (REFER, RFC 3515) and attended transfer (REFER with Replaces, RFC 3891), handled by the
/// switch as a B2BUA, with NOTIFY progress to the transferor and the media relay re-pointed. Real phones on UDP
/// sockets (TestPhone), the switch wired as serve wires it (tariff, ledger, relay), on the manual clock.
/// Alice (101) calls Bob (102); Bob transfers her to Carol (103) or out through the trunk.
/// </summary>
public sealed partial class TransferTests : IAsyncLifetime
{
    private const string Alice = HookedSwitch.Caller;
    private const string Bob = HookedSwitch.Callee;
    private const string Carol = HookedSwitch.Prepaid;

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1)); // a hang fails the test
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));
    private readonly int _relayPorts = UdpParty.FreeRange(16);
    private readonly TestPhone _gateway = new(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
    private readonly HookedSwitch _fixture;
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;
    private readonly TestPhone _carol;
    private readonly UdpParty _aliceMedia = new();
    private readonly UdpParty _carolMedia = new();

    public TransferTests()
    {
        _fixture = new HookedSwitch(_clock, _gateway.Local, new MediaOptions(MediaMode.Relay, IPAddress.Loopback, _relayPorts, _relayPorts + 15),
            maxOutgoing: 3); // while the target rings, the transferred call and the leg to the target both hold a slot
        _gateway.Retarget(_fixture.Endpoint);
        _alice = new TestPhone(_fixture.Endpoint, Alice);
        _bob = new TestPhone(_fixture.Endpoint, Bob);
        _carol = new TestPhone(_fixture.Endpoint, Carol);
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        foreach (var phone in new[] { _alice, _bob, _carol, _gateway })
        {
            phone.Dispose();
        }

        _aliceMedia.Dispose();
        _carolMedia.Dispose();
        await _fixture.DisposeAsync();
        _guard.Dispose();
    }

    [Fact]
    public async Task BlindTransfer_BobSendsAliceToCarol_NotifiesProgress_AndAliceTalksToCarolThroughTheRelay()
    {
        var (invite, ok) = AliceCallsBob();
        Assert.Equal(200, Flows.Register(_carol).StatusCode);

        _bob.Send(Refer(invite, "<sip:103@centrex.test>"));
        Assert.Equal(202, _bob.ReceiveResponse(202).StatusCode);
        AssertNotify(_bob.ReceiveRequest("NOTIFY").Message, "SIP/2.0 100 Trying", "active");

        // Carol is called as Bob's customer would dial 103, from Alice's number (the party she will talk to).
        var toCarol = _carol.ReceiveRequest("INVITE").Message;
        Assert.Contains(Alice, toCarol.Text(toCarol.Find(SipHeaderKind.From)), StringComparison.Ordinal);
        Assert.Contains("Referred-By: <sip:" + Bob, System.Text.Encoding.UTF8.GetString(toCarol.Bytes), StringComparison.Ordinal);
        var carolSide = MediaPort(toCarol);
        Assert.InRange(carolSide, _relayPorts, _relayPorts + 15);

        _carol.Send(_carol.Response(toCarol, 180, "Ringing", "c1"));
        AssertNotify(_bob.ReceiveRequest("NOTIFY").Message, "SIP/2.0 180 Ringing", "active");
        _carol.Send(_carol.Response(toCarol, 200, "OK", "c1", _carolMedia.Sdp()));
        _carol.ReceiveRequest("ACK");

        // Alice is re-INVITEd in her own dialog toward the relay's side facing Carol's leg.
        var reInvite = _alice.ReceiveRequest("INVITE").Message;
        Assert.Equal(ok.Text(ok.CallId), reInvite.Text(reInvite.CallId));
        var aliceSide = MediaPort(reInvite);
        Assert.InRange(aliceSide, _relayPorts, _relayPorts + 15);
        _alice.Send(_alice.Response(reInvite, 200, "OK", "a1", _aliceMedia.Sdp()));
        Assert.Equal(reInvite.CSeq, _alice.ReceiveRequest("ACK").Message.CSeq);

        // Bob hears 200 OK in the final NOTIFY and is released.
        AssertNotify(_bob.ReceiveRequest("NOTIFY").Message, "SIP/2.0 200 OK", "terminated");
        var bye = _bob.ReceiveRequest("BYE").Message;
        _bob.Send(_bob.Response(bye, 200, "OK", "b1"));

        // RTP crosses the new relay both ways (Carol latched on her first packet).
        var packet = new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7 };
        _carolMedia.SendTo(carolSide, packet);
        Assert.Equal(packet, (await _aliceMedia.ReceiveAsync(_guard.Token)).Payload);
        _aliceMedia.SendTo(aliceSide, packet);
        Assert.Equal(packet, (await _carolMedia.ReceiveAsync(_guard.Token)).Payload);

        // Carol's BYE ends the call: Alice hears it in her dialog.
        Flows.Sync(_carol, _fixture.Switch);
        Assert.Equal(1, _fixture.Switch.ActiveCalls);
        _carol.Send(Flows.FromCallee(_carol, toCarol, "c1", "BYE", 1));
        Assert.Equal(200, _carol.ReceiveResponse(200).StatusCode);
        var aliceBye = _alice.ReceiveRequest("BYE").Message;
        Assert.Equal(ok.Text(ok.CallId), aliceBye.Text(aliceBye.CallId));
        Flows.Sync(_alice, _fixture.Switch);
        Assert.Equal(0, _fixture.Switch.ActiveCalls);
    }

    [Fact]
    public void BlindTransfer_ToAnExternalNumber_TheTransferorPaysTheNewLeg_TheCallerOnlyItsOwnCall()
    {
        var (invite, ok) = AliceCallsBob();
        _clock.Advance(Duration.FromSeconds(30)); // 30 s of Alice talking to Bob: an internal call, free

        _bob.Send(Refer(invite, "<sip:2125551234@centrex.test>"));
        Assert.Equal(202, _bob.ReceiveResponse(202).StatusCode);
        _bob.ReceiveRequest("NOTIFY");
        var toGateway = _gateway.ReceiveRequest("INVITE").Message;
        Assert.StartsWith("INVITE sip:12125551234@", System.Text.Encoding.UTF8.GetString(toGateway.Bytes), StringComparison.Ordinal); // Bob's dialing rules
        _gateway.Send(_gateway.Response(toGateway, 200, "OK", "g1", _carolMedia.Sdp()));
        _gateway.ReceiveRequest("ACK");
        var reInvite = _alice.ReceiveRequest("INVITE").Message;
        _alice.Send(_alice.Response(reInvite, 200, "OK", "a1", _aliceMedia.Sdp()));
        AssertNotify(_bob.ReceiveRequest("NOTIFY").Message, "SIP/2.0 200 OK", "terminated");
        var bye = _bob.ReceiveRequest("BYE").Message;
        _bob.Send(_bob.Response(bye, 200, "OK", "b1"));

        _clock.Advance(Duration.FromSeconds(90)); // 90 s on the external leg: two started minutes at 60 mills
        _alice.Send(Flows.InDialog(_alice, ok, "BYE", 3));
        Assert.Equal(200, _alice.ReceiveResponse(200).StatusCode);
        _gateway.ReceiveRequest("BYE");
        Flows.Sync(_alice, _fixture.Switch);
        _fixture.WaitForCdrs(_guard.Token);

        var cdrs = CdrStore.Read(_fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1)).ToList();
        Assert.Equal(2, cdrs.Count);
        var first = cdrs.Single(c => c.Direction == Centrex.Switch.Admission.CallDirection.Incoming);
        Assert.Equal((Bob, 30L, false), (first.Account, first.BillableSeconds, first.IsChargeable)); // internal: on the callee, free
        var leg = cdrs.Single(c => c.Direction == Centrex.Switch.Admission.CallDirection.Outgoing);
        Assert.Equal((Bob, "12125551234", 90L, CallDisposition.Answered), (leg.Account, leg.CalleeNormalized, leg.BillableSeconds, leg.Disposition));
        Assert.Equal(new Mills(-120), _fixture.Ledger.Store.Balance(Bob));
        Assert.Equal(new Mills(0), _fixture.Ledger.Store.Balance(Alice));
        Assert.Equal(0, _fixture.Hooks.Balance.Outstanding);
    }

    [Fact]
    public void BlindTransfer_ByTheCaller_TheTargetTakesTheCallersSide_AndTheCalleeIsReInvited()
    {
        var (invite, ok) = AliceCallsBob();
        Assert.Equal(200, Flows.Register(_carol).StatusCode);

        _alice.Send(Flows.InDialog(_alice, ok, "REFER", 3).Replace("Content-Length", "Refer-To: <sip:103@centrex.test>\r\nContent-Length", StringComparison.Ordinal));
        Assert.Equal(202, _alice.ReceiveResponse(202).StatusCode);
        AssertNotify(_alice.ReceiveRequest("NOTIFY").Message, "SIP/2.0 100 Trying", "active");
        var toCarol = _carol.ReceiveRequest("INVITE").Message;
        Assert.Contains("Referred-By: <sip:" + Alice, System.Text.Encoding.UTF8.GetString(toCarol.Bytes), StringComparison.Ordinal);
        _carol.Send(_carol.Response(toCarol, 200, "OK", "c1", _carolMedia.Sdp()));
        _carol.ReceiveRequest("ACK");

        // Bob is re-INVITEd in his own dialog; Alice hears 200 and is released.
        var reInvite = _bob.ReceiveRequest("INVITE").Message;
        Assert.Equal(invite.Text(invite.CallId), reInvite.Text(reInvite.CallId));
        _bob.Send(_bob.Response(reInvite, 200, "OK", "b1", Flows.Sdp));
        _bob.ReceiveRequest("ACK");
        AssertNotify(_alice.ReceiveRequest("NOTIFY").Message, "SIP/2.0 200 OK", "terminated");
        var bye = _alice.ReceiveRequest("BYE").Message;
        _alice.Send(_alice.Response(bye, 200, "OK", "a1"));

        // Bob hangs up: Carol hears BYE in her dialog with the switch.
        _bob.Send(Flows.FromCallee(_bob, invite, "b1", "BYE", 2));
        Assert.Equal(200, _bob.ReceiveResponse(200).StatusCode);
        var carolBye = _carol.ReceiveRequest("BYE").Message;
        Assert.Equal(toCarol.Text(toCarol.CallId), carolBye.Text(carolBye.CallId));
        Flows.Sync(_bob, _fixture.Switch);
        Assert.Equal(0, _fixture.Switch.ActiveCalls);
    }

    [Fact]
    public void BlindTransfer_TargetBusy_TheTransferorHearsItInTheNotify_AndKeepsTheCall()
    {
        var (invite, _) = AliceCallsBob();
        Assert.Equal(200, Flows.Register(_carol).StatusCode);
        _bob.Send(Refer(invite, "<sip:103@centrex.test>"));
        _bob.ReceiveResponse(202);
        _bob.ReceiveRequest("NOTIFY");
        var toCarol = _carol.ReceiveRequest("INVITE").Message;
        _carol.Send(_carol.Response(toCarol, 486, "Busy Here", "c1"));
        AssertNotify(_bob.ReceiveRequest("NOTIFY").Message, "SIP/2.0 486 Busy Here", "terminated");
        Flows.Sync(_bob, _fixture.Switch);
        Assert.Equal(1, _fixture.Switch.ConfirmedCalls); // Alice and Bob still talk
    }

    [Fact]
    public void Refer_WithoutReferTo_Gets400_AndToAnUnknownNumber_Gets404()
    {
        var (invite, _) = AliceCallsBob();
        _bob.Send(Flows.FromCallee(_bob, invite, "b1", "REFER", 1));
        Assert.Equal(400, _bob.ReceiveFinal().StatusCode);
        _bob.Send(Refer(invite, "<sip:*99@centrex.test>", 2));
        Assert.Equal(404, _bob.ReceiveFinal().StatusCode);
    }

    [Fact]
    public void AttendedTransfer_BobConsultsCarol_ThenReplacesHisCallWithHer_AliceAndCarolAreJoined()
    {
        var (invite, ok) = AliceCallsBob();
        Assert.Equal(200, Flows.Register(_carol).StatusCode);

        // Bob's consultation call to Carol (extension 103).
        var (consultId, bobTag, _, _) = Flows.Invite(_bob, "103");
        var toCarol = _carol.ReceiveRequest("INVITE").Message;
        _carol.Send(_carol.Response(toCarol, 200, "OK", "c1", _carolMedia.Sdp()));
        var consultOk = _bob.ReceiveResponse(200);
        _bob.Send(Flows.InDialog(_bob, consultOk, "ACK", 2));
        _carol.ReceiveRequest("ACK");
        Flows.Sync(_bob, _fixture.Switch);
        Assert.Equal(2, _fixture.Switch.ConfirmedCalls);

        // REFER in the first call, Replaces naming Bob's dialog of the consultation (its Call-ID, the switch's tag, his).
        var switchTag = consultOk.Text(consultOk.To.Tag);
        var replaces = Uri.EscapeDataString($"{consultId};to-tag={switchTag};from-tag={bobTag}");
        _bob.Send(Refer(invite, $"<sip:103@centrex.test?Replaces={replaces}>"));
        Assert.Equal(202, _bob.ReceiveResponse(202).StatusCode);
        AssertNotify(_bob.ReceiveRequest("NOTIFY").Message, "SIP/2.0 100 Trying", "active");

        // Carol is re-INVITEd in her own dialog toward the merged call's relay; then Alice is.
        var carolReInvite = _carol.ReceiveRequest("INVITE").Message;
        Assert.Equal(toCarol.Text(toCarol.CallId), carolReInvite.Text(carolReInvite.CallId));
        _carol.Send(_carol.Response(carolReInvite, 200, "OK", "c1", _carolMedia.Sdp()));
        _carol.ReceiveRequest("ACK");
        var aliceReInvite = _alice.ReceiveRequest("INVITE").Message;
        Assert.Equal(ok.Text(ok.CallId), aliceReInvite.Text(aliceReInvite.CallId));
        _alice.Send(_alice.Response(aliceReInvite, 200, "OK", "a1", _aliceMedia.Sdp()));
        _alice.ReceiveRequest("ACK");

        // Bob: the final NOTIFY, then BYE on both his legs.
        var requests = Enumerable.Range(0, 3).Select(_ => _bob.Receive(m => m.IsRequest).Message).ToList();
        AssertNotify(Assert.Single(requests, m => m.Method == SipMethod.Notify), "SIP/2.0 200 OK", "terminated");
        var byes = requests.Where(m => m.Method == SipMethod.Bye).ToList();
        Assert.Equal(
            new[] { consultId, invite.Text(invite.CallId) }.Order(),
            byes.Select(b => b.Text(b.CallId)).Order());
        foreach (var bye in byes)
        {
            _bob.Send(_bob.Response(bye, 200, "OK", "b1"));
        }

        Flows.Sync(_bob, _fixture.Switch);
        Assert.Equal((1, 1), (_fixture.Switch.ActiveCalls, _fixture.Switch.ConfirmedCalls));

        // Carol hangs up the merged call: Alice hears BYE in her dialog.
        _carol.Send(Flows.FromCallee(_carol, toCarol, "c1", "BYE", 2));
        Assert.Equal(200, _carol.ReceiveResponse(200).StatusCode);
        var aliceBye = _alice.ReceiveRequest("BYE").Message;
        Assert.Equal(ok.Text(ok.CallId), aliceBye.Text(aliceBye.CallId));
    }

    /// <summary>Alice calls 102, Bob (registered) answers with a media port of his own, both ACKs through.</summary>
    private (SipMessage Invite, SipMessage Ok) AliceCallsBob()
    {
        Assert.Equal(200, Flows.Register(_bob).StatusCode);
        var callId = Guid.NewGuid().ToString("N");
        const string uri = "sip:102@centrex.test";
        _alice.Send(_alice.Request("INVITE", uri, callId, 1, "a1", body: _aliceMedia.Sdp()));
        var challenge = _alice.ReceiveResponse(407);
        _alice.Send(Flows.AckFor(_alice, challenge, uri));
        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, Alice, SwitchFixture.Password, "INVITE", uri);
        _alice.Send(_alice.Request("INVITE", uri, callId, 2, "a1", extra: $"Proxy-Authorization: {authorization}\r\n", body: _aliceMedia.Sdp()));
        var invite = _bob.ReceiveRequest("INVITE").Message;
        _bob.Send(_bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = _alice.ReceiveResponse(200);
        _alice.Send(Flows.InDialog(_alice, ok, "ACK", 2));
        _bob.ReceiveRequest("ACK");
        return (invite, ok);
    }

    private string Refer(SipMessage invite, string referTo, int cseq = 1) =>
        Flows.FromCallee(_bob, invite, "b1", "REFER", cseq).Replace("Content-Length", $"Refer-To: {referTo}\r\nContent-Length", StringComparison.Ordinal);

    private static void AssertNotify(SipMessage notify, string sipfrag, string state)
    {
        var text = System.Text.Encoding.UTF8.GetString(notify.Bytes);
        Assert.Contains("Event: refer", text, StringComparison.Ordinal);
        Assert.Contains("Subscription-State: " + state, text, StringComparison.Ordinal);
        Assert.Contains("Content-Type: message/sipfrag;version=2.0", text, StringComparison.Ordinal);
        Assert.StartsWith(sipfrag, notify.Text(notify.Body), StringComparison.Ordinal);
    }

    private static int MediaPort(SipMessage m) => int.Parse(MediaLine().Match(m.Text(m.Body)).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"m=audio (\d+) ")]
    private static partial Regex MediaLine();
}
