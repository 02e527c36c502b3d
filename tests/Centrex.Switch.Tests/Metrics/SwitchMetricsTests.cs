using System.Net;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Metrics;
using Centrex.Switch.Partitions;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Tests.Metrics;

/// <summary>
/// What the switch counts for <c>/metrics</c> (issue 14), seen from real phones on its socket: messages each way by
/// method and status class, ended calls by disposition, refusals by reason, retransmissions both ways, parse errors.
/// </summary>
public sealed class SwitchMetricsTests
{
    private const int Udp = (int)SipTransportKind.Udp;

    [Fact]
    public async Task AnsweredCall_CountsTheInvitesAndResponsesEachWay_AndOneAnsweredCallWhenItEnds()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var (_, ok) = Flows.AnsweredCall(alice, bob);
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        Flows.Sync(alice, fixture.Switch);

        var m = fixture.Switch.Metrics;
        Assert.Equal(2, m.Received.Requests(Udp, (int)SipMethod.Invite)); // without, then with credentials
        Assert.Equal(1, m.Received.Requests(Udp, (int)SipMethod.Bye));
        Assert.Equal(1, m.Received.Responses(Udp, (int)SipMethod.Invite, 2)); // bob's 200
        Assert.Equal(1, m.Received.Responses(Udp, (int)SipMethod.Bye, 2));
        Assert.Equal(1, m.Sent.Requests(Udp, (int)SipMethod.Invite)); // to bob
        Assert.Equal(1, m.Sent.Requests(Udp, (int)SipMethod.Bye));
        Assert.Equal(1, m.Sent.Responses(Udp, (int)SipMethod.Invite, 2)); // to alice
        Assert.Equal(1, m.Sent.Responses(Udp, (int)SipMethod.Register, 4)); // bob's challenge
        Assert.True(m.Sent.Responses(Udp, (int)SipMethod.Invite, 4) >= 1, "alice's 407");
        Assert.Equal(1, m.CallsEnded(CallDisposition.Answered));
        Assert.Equal(0, m.CallsEnded(CallDisposition.Failed));
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Theory]
    [InlineData(true, false, RefusalReason.Balance, CallDisposition.RefusedByBalance, 402)]
    [InlineData(false, true, RefusalReason.Fraud, CallDisposition.RefusedByFraud, 403)]
    [InlineData(false, false, RefusalReason.Limits, CallDisposition.RefusedByLimit, 503)]
    public async Task RefusedCall_IsCountedOnceByReasonAndByDisposition(bool byBalance, bool byFraud, RefusalReason reason, CallDisposition disposition, int status)
    {
        var cdrs = new CollectingCdrs();
        var refusing = new RefusingHooks(byBalance, byFraud);
        await using var fixture = new SwitchFixture(new CallHooks(refusing, refusing, PassThroughHooks.Instance, cdrs));
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.Register(bob);
        Flows.Invite(alice, "102");
        Assert.Equal(status, alice.ReceiveFinal().StatusCode);
        Flows.Sync(alice, fixture.Switch);

        var m = fixture.Switch.Metrics;
        Assert.Equal(1, m.Refusals(reason));
        Assert.Equal(1, Enum.GetValues<RefusalReason>().Sum(r => m.Refusals(r)));
        Assert.Equal(1, m.CallsEnded(disposition));
        var challenges = status / 100 == 4 ? 1 : 0; // alice's 407 is a 4xx too
        Assert.Equal(1 + challenges, m.Sent.Responses(Udp, (int)SipMethod.Invite, status / 100));
    }

    [Fact]
    public async Task RequestsOverTheSourceRate_AreCountedAsRateLimitRefusals_AndAsReceived()
    {
        await using var fixture = new SwitchFixture();
        using var flooder = new TestPhone(fixture.Endpoint, "flooder", IPAddress.Parse("127.0.0.2"));
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        var burst = new SourceRateLimits().Burst; // the clock stands still: the bucket never refills
        for (var i = 0; i < burst + 50; i++)
        {
            flooder.Send(flooder.Request("OPTIONS", "sip:centrex.test", $"flood-{i}", 1, "f"));
        }

        Flows.Sync(alice, fixture.Switch);
        var metrics = fixture.Switch.Metrics;
        Assert.Equal(50, metrics.Refusals(RefusalReason.RateLimit));
        Assert.Equal(fixture.Switch.Pipeline.Router.RateLimited, metrics.Refusals(RefusalReason.RateLimit));
        Assert.Equal(burst + 50 + 1, metrics.Received.Requests(Udp, (int)SipMethod.Options)); // counted before routing, the probe too
    }

    [Fact]
    public async Task TimerA_EachRetransmittedInviteIsCountedAsASentRequestRetransmission()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.CallBob(alice, bob); // bob never answers

        fixture.Clock.Advance(Duration.FromMilliseconds(3_500)); // Timer A: 0.5, 1.5 and 3.5 s
        Assert.Equal(3, bob.Drain().Count(m => m.Method == SipMethod.Invite));
        var metrics = fixture.Switch.Metrics;
        Assert.Equal(3, metrics.RetransmissionsSent(request: true));
        Assert.Equal(4, metrics.Sent.Requests(Udp, (int)SipMethod.Invite)); // the first and three again
    }

    [Fact]
    public async Task ARetransmittedInvite_IsCountedAsReceived_AndItsAnswerAsSentAgain()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.Register(bob);
        var (_, _, _, invite) = Flows.Invite(alice, "102");
        bob.ReceiveRequest("INVITE");
        alice.Send(invite); // the same INVITE again, as a phone whose 100 Trying was lost
        Flows.Sync(alice, fixture.Switch);

        var metrics = fixture.Switch.Metrics;
        Assert.Equal(1, metrics.RetransmissionsReceived(request: true));
        Assert.Equal(1, metrics.RetransmissionsSent(request: false)); // the 100 Trying again (§17.2.1)
    }

    [Fact]
    public async Task MalformedMessages_AreCountedByParseError_AndNotAsReceivedMessages()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        alice.Send("INVITE sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:x@y>\r\nCall-ID: c\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n");
        alice.Send("HELLO\r\n\r\n");
        Flows.Sync(alice, fixture.Switch);

        var metrics = fixture.Switch.Metrics;
        Assert.Equal(1, metrics.ParseErrors(SipParseError.CSeqMethodMismatch));
        Assert.Equal(1, metrics.ParseErrors(SipParseError.BadStartLine));
        Assert.Equal(0, metrics.Received.Requests(Udp, (int)SipMethod.Invite));
        Assert.Equal(1, metrics.Received.Requests(Udp, (int)SipMethod.Options)); // the sync probe
        Assert.Equal(fixture.Switch.MalformedMessages, Enum.GetValues<SipParseError>().Sum(e => metrics.ParseErrors(e)));
    }
}
