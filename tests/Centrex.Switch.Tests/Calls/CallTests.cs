using System.Net;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Calls;

public class CallTests
{
    [Fact]
    public async Task Call_ByExtension_AnsweredAndHungUpByCaller_ReachesBothLegsAndEmitsOneCdr()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Assert.Equal(200, Flows.Register(bob).StatusCode);

        var (callId, _, _, _) = Flows.Invite(alice, "102");
        var (invite, _) = bob.ReceiveRequest("INVITE");
        Assert.Contains("m=audio 40000", invite.Text(invite.Body), StringComparison.Ordinal);
        bob.Send(bob.Response(invite, 180, "Ringing", "b1"));
        Assert.Equal(180, alice.ReceiveResponse(180).StatusCode);
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        Assert.Equal(callId, ok.Text(ok.CallId));
        Assert.Equal(SipMethod.Ack, bob.ReceiveRequest("ACK").Message.Method);
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));

        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));

        Assert.Single(fixture.Cdrs.Ends);
        var end = fixture.Cdrs.Ends.Single();
        Assert.Equal(CallDisposition.Answered, end.Disposition);
        Assert.Equal(CallDirection.Internal, end.Call.Direction);
        Assert.Equal("16045550101", end.Call.AccountId);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task Call_HungUpByCallee_SendsByeToCaller()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.Register(bob);
        Flows.Invite(alice, "188"); // abbreviated dialing to 16045550102's account id
        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        bob.ReceiveRequest("ACK");

        bob.Send(Flows.FromCallee(bob, invite, "b1", "BYE", 1));

        Assert.Equal(200, bob.ReceiveResponse(200).StatusCode);
        var (bye, _) = alice.ReceiveRequest("BYE");
        Assert.Equal(ok.Text(ok.CallId), bye.Text(bye.CallId));
        Assert.Equal(ok.Text(ok.To.Tag), bye.Text(bye.From.Tag));
    }

    [Fact]
    public async Task Call_ToBusyCallee_PassesBusyToCaller()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var invite = Flows.CallBob(alice, bob);

        bob.Send(bob.Response(invite, 486, "Busy Here", "b1"));

        Assert.Equal(486, alice.ReceiveResponse(486).StatusCode);
        Assert.Equal(SipMethod.Ack, bob.ReceiveRequest("ACK").Message.Method);
        Assert.Equal(CallDisposition.Busy, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Call_CancelledByCaller_CancelsCalleeAndAnswers487()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.Register(bob);
        var (callId, tag, branch, _) = Flows.Invite(alice, "102");
        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 180, "Ringing", "b1"));
        alice.ReceiveResponse(180);

        var uri = $"sip:102@{SwitchFixture.Realm}";
        alice.Send($"CANCEL {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {alice.Local};branch={branch};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:{alice.User}@centrex.test>;tag={tag}\r\nTo: <{uri}>\r\nCall-ID: {callId}\r\nCSeq: 2 CANCEL\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(SipMethod.Cancel, alice.ReceiveResponse(200).CSeqMethod);
        var (cancel, _) = bob.ReceiveRequest("CANCEL");
        bob.Send(bob.Response(cancel, 200, "OK", "b1"));
        bob.Send(bob.Response(invite, 487, "Request Terminated", "b1"));
        Assert.Equal(487, alice.ReceiveResponse(487).StatusCode);
        bob.ReceiveRequest("ACK");
        Assert.Equal(CallDisposition.Cancelled, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Call_ToUnregisteredAccount_Gets480()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");

        Flows.Invite(alice, "103");

        Assert.Equal(480, alice.ReceiveFinal().StatusCode);
    }

    [Fact]
    public async Task Call_WithCredentialsForAnotherRequestUri_IsChallengedAgain()
    {
        // RFC 3261 §22.4: the digest-uri must be the Request-URI, or a captured INVITE's credentials would authorize a
        // call to any number while the nonce lives.
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        const string Uri = "sip:2125551234@centrex.test";
        alice.Send(alice.Request("INVITE", Uri, "x2", 1, "t", body: Flows.Sdp));
        var challenge = alice.ReceiveResponse(407);
        alice.Send(Flows.AckFor(alice, challenge, Uri));
        var forOtherNumber = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, alice.User, SwitchFixture.Password, "INVITE", "sip:102@centrex.test");

        alice.Send(alice.Request("INVITE", Uri, "x2", 2, "t", extra: $"Proxy-Authorization: {forOtherNumber}\r\n", body: Flows.Sdp));

        Assert.Equal(407, alice.ReceiveFinal().StatusCode);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task Call_WithoutCredentials_Gets407()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");

        alice.Send(alice.Request("INVITE", "sip:102@centrex.test", "x1", 1, "t", body: Flows.Sdp));

        var response = alice.ReceiveFinal();
        Assert.Equal(407, response.StatusCode);
        Assert.True(response.Has(SipHeaderKind.ProxyAuthenticate));
    }

    [Fact]
    public async Task Call_AnsweredFor120Minutes_IsCutOnBothLegs()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.AnsweredCall(alice, bob);
        Flows.Sync(alice, fixture.Switch);

        fixture.Clock.Advance(Duration.FromMinutes(119));
        Assert.Equal(1, fixture.Switch.ActiveCalls);
        fixture.Clock.Advance(Duration.FromMinutes(1));

        alice.ReceiveRequest("BYE");
        bob.ReceiveRequest("BYE");
        var end = fixture.Cdrs.Ends.Single();
        Assert.Equal(7200, end.BillableSeconds);
    }

    [Fact]
    public async Task Call_ToTenDigitNumber_LeavesByTheTrunkInE164()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new SwitchFixture(trunk: gateway.Local);
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");

        Flows.Invite(alice, "2125550123");

        var (invite, _) = gateway.ReceiveRequest("INVITE");
        Assert.Equal("12125550123", invite.Text(invite.RequestUri.User));
        gateway.Send(gateway.Response(invite, 503, "Service Unavailable", "g1"));
        Assert.Equal(503, alice.ReceiveFinal().StatusCode);
        Assert.Equal(CallDirection.Outgoing, fixture.Cdrs.Ends.Single().Call.Direction);
    }

    [Fact]
    public async Task Call_FromTrunkToDid_ReachesTheAssignedAccount()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new SwitchFixture(trunk: gateway.Local);
        gateway.Retarget(fixture.Endpoint);
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.Register(bob);

        gateway.Send(gateway.Request("INVITE", "sip:+16045550100@centrex.test", "t1", 1, "g", body: Flows.Sdp));

        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 486, "Busy Here", "b1"));
        Assert.Equal(486, gateway.ReceiveFinal().StatusCode);
        Assert.Equal(CallDirection.Incoming, fixture.Cdrs.Ends.Single().Call.Direction);
    }

    [Fact]
    public async Task Call_FeatureCode_IsAnsweredThenReleased()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");

        Flows.Invite(alice, "*98");
        var ok = alice.ReceiveResponse(200);
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));

        alice.ReceiveRequest("BYE");
        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Call_RefusedByAdmission_Gets503WithWarning()
    {
        var hooks = new CallHooks(new RefusingAdmission(), PassThroughHooks.Instance, PassThroughHooks.Instance, new CollectingCdrs());
        await using var fixture = new SwitchFixture(hooks);
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");

        Flows.Invite(alice, "102");

        var response = alice.ReceiveFinal();
        Assert.Equal(503, response.StatusCode);
        Assert.Contains("max simultaneous calls", response.Text(response.Find(SipHeaderKind.Warning)), StringComparison.Ordinal);
    }

    private sealed class RefusingAdmission : ICallAdmission
    {
        public AdmissionDecision Admit(CallInfo call, ReadOnlyMemory<byte> offerSdp) => AdmissionDecision.Refuse("site hq: max simultaneous calls 0");

        public AdmissionDecision Answered(CallInfo call, ReadOnlyMemory<byte> answerSdp) => AdmissionDecision.Admit;

        public void Release(CallInfo call) => throw new InvalidOperationException("a refused call is never released");
    }
}
