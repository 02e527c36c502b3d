using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Calls;

/// <summary>
/// How a call that never gets answered ends, on the manual clock: the callee may ring past Timer B (it ends only a
/// Calling INVITE, RFC 3261 §17.1.1.2) until the switch's no-answer timeout; a CANCEL that crosses the callee's 200 and
/// a callee that vanishes after a CANCEL (§9.1: 64*T1) both still end the call with one CDR.
/// </summary>
public class CallEndTests
{
    [Fact]
    public async Task Ringing_PastTimerB_KeepsRinging_ThenTheNoAnswerTimeoutCancelsTheCalleeAndAnswers480()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var invite = RingBob(alice, bob).Invite;

        fixture.Clock.Advance(Duration.FromSeconds(59)); // Timer B (32 s) has passed: a ringing call is not a timeout
        Assert.Equal(1, fixture.Switch.ActiveCalls);
        Assert.Empty(fixture.Cdrs.Ends);

        fixture.Clock.Advance(Duration.FromSeconds(1));
        var (cancel, _) = bob.ReceiveRequest("CANCEL");
        bob.Send(bob.Response(cancel, 200, "OK", "b1"));
        bob.Send(bob.Response(invite, 487, "Request Terminated", "b1"));
        Assert.Equal(480, alice.ReceiveFinal().StatusCode);
        Assert.Equal(CallDisposition.NoAnswer, Assert.Single(fixture.Cdrs.Ends).Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task Cancel_CrossingTheCalleesAnswer_TheCalleeGetsAckAndBye_AndTheCallEndsWithOneCancelledCdr()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var ringing = CancelWhileRinging(alice, bob);

        bob.Send(bob.Response(ringing.Invite, 200, "OK", "b1", Flows.Sdp)); // answered before the CANCEL arrived

        Assert.Equal(SipMethod.Ack, bob.ReceiveRequest("ACK").Message.Method);
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        Assert.Equal(487, alice.ReceiveFinal().StatusCode);
        Assert.Equal(CallDisposition.Cancelled, Assert.Single(fixture.Cdrs.Ends).Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task Cancel_ToACalleeThatNeverAnswersIt_EndsTheCallAfter64T1()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        CancelWhileRinging(alice, bob); // and bob says nothing more, ever
        Assert.Equal(487, alice.ReceiveFinal().StatusCode);

        fixture.Clock.Advance(Duration.FromSeconds(31));
        Assert.Equal(1, fixture.Switch.ActiveCalls);

        fixture.Clock.Advance(Duration.FromSeconds(1)); // 64*T1 = 32 s after the CANCEL
        Assert.Equal(CallDisposition.Cancelled, Assert.Single(fixture.Cdrs.Ends).Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task Bye_FromTheCalleeRightBehindIts200_BeforeTheCallersAck_EndsTheCallOnce_BothSidesReleased()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var ringing = RingBob(alice, bob);

        bob.Send(bob.Response(ringing.Invite, 200, "OK", "b1", Flows.Sdp));
        bob.Send(Flows.FromCallee(bob, ringing.Invite, "b1", "BYE", 1)); // hangs up before anything else arrives
        bob.ReceiveRequest("ACK"); // the switch still acknowledges his 2xx
        Assert.Equal(200, bob.ReceiveResponse(200).StatusCode);
        var ok = alice.ReceiveResponse(200);
        var bye = alice.ReceiveRequest("BYE").Message;
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        alice.Send(alice.Response(bye, 200, "OK", "a1"));
        Flows.Sync(alice, fixture.Switch);

        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
        fixture.Clock.Advance(Duration.FromSeconds(40)); // every transaction's timers run out
        Assert.Equal((0, 0), (fixture.Switch.ServerTransactionCount, fixture.Switch.ClientTransactionCount));
    }

    [Fact]
    public async Task Bye_FromTheCallerAsSoonAsItsAnswered_WithoutAck_StopsThe2xxRetransmissions_AndReleasesTheCallee()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var ringing = RingBob(alice, bob);

        bob.Send(bob.Response(ringing.Invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3)); // races its own ACK
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        var bye = bob.ReceiveRequest("BYE").Message;
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        Flows.Sync(alice, fixture.Switch);
        alice.Drain();

        fixture.Clock.Advance(Duration.FromSeconds(4)); // the 2xx would have been retransmitted at 0.5, 1.5, 3.5 s
        Assert.DoesNotContain(alice.Drain(), m => !m.IsRequest && m.StatusCode == 200 && m.CSeqMethod == SipMethod.Invite);
        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    /// <summary>bob registers, alice calls him, and he rings.</summary>
    private static Ringing RingBob(TestPhone alice, TestPhone bob)
    {
        Flows.Register(bob);
        var (callId, tag, branch, _) = Flows.Invite(alice, "102");
        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 180, "Ringing", "b1"));
        alice.ReceiveResponse(180);
        return new Ringing(invite, callId, tag, branch);
    }

    /// <summary>bob rings, alice cancels, and bob has received the switch's CANCEL.</summary>
    private static Ringing CancelWhileRinging(TestPhone alice, TestPhone bob)
    {
        var ringing = RingBob(alice, bob);
        CancelFromAlice(alice, ringing);
        bob.ReceiveRequest("CANCEL");
        return ringing;
    }

    /// <summary>§9.1: the CANCEL matches the INVITE's Call-ID, From tag, top Via branch and CSeq number.</summary>
    private static void CancelFromAlice(TestPhone alice, Ringing ringing)
    {
        var uri = $"sip:102@{SwitchFixture.Realm}";
        alice.Send($"CANCEL {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {alice.Local};branch={ringing.Branch};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:{alice.User}@centrex.test>;tag={ringing.Tag}\r\nTo: <{uri}>\r\nCall-ID: {ringing.CallId}\r\nCSeq: 2 CANCEL\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(SipMethod.Cancel, alice.ReceiveResponse(200).CSeqMethod);
    }

    /// <summary>The callee's leg of a call that is ringing, and what the caller needs to CANCEL it.</summary>
    private sealed record Ringing(SipMessage Invite, string CallId, string Tag, string Branch);
}
