using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

/// <summary>
/// Issue 13 item 6: an INVITE without credentials used to get 100 Trying and then its 407 retransmitted by Timer G
/// until Timer H (twelve datagrams out for one in, state kept 32 s). It is now answered once, statelessly (RFC 3261
/// §8.2.7, §26.3.2.4). The switch's clock is manual: advancing it past every timer shows whatever a transaction would
/// have retransmitted, with no waiting.
/// </summary>
public class StatelessChallengeTests
{
    private static readonly Duration PastTimerH = Duration.FromSeconds(40);
    private const string Uri = "sip:102@centrex.test";

    [Fact]
    public async Task UnauthenticatedInvite_GetsExactlyOne407_No100_NoRetransmission_AndNoTransaction()
    {
        await using var fixture = new SwitchFixture();
        using var attacker = new TestPhone(fixture.Endpoint, "16045550101");

        attacker.Send(attacker.Request("INVITE", Uri, "amp-1", 1, "t", body: Flows.Sdp));
        var first = attacker.Receive().Message;
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
        fixture.Clock.Advance(PastTimerH); // Timer G would retransmit at 0.5, 1.5, 3.5, 7.5 ... s, Timer H ends at 32 s

        Assert.Equal(407, first.StatusCode);
        Assert.Empty(attacker.Drain());
    }

    [Fact]
    public async Task AckForTheStateless407_IsAbsorbedSilently_AndARetransmittedInviteGetsOneNew407()
    {
        await using var fixture = new SwitchFixture();
        using var attacker = new TestPhone(fixture.Endpoint, "16045550101");
        var invite = attacker.Request("INVITE", Uri, "amp-2", 1, "t", body: Flows.Sdp);
        attacker.Send(invite);
        var challenge = attacker.ReceiveFinal();

        attacker.Send(Flows.AckFor(attacker, challenge, Uri));
        attacker.Send(invite); // the same branch again: one datagram in, one out
        var again = attacker.Receive().Message;
        Flows.Sync(attacker, fixture.Switch);
        fixture.Clock.Advance(PastTimerH);

        Assert.Equal(407, again.StatusCode);
        // The same request, the same answer: tag (§8.2.7) and nonce, so a UA that compares messages sees a retransmission.
        Assert.Equal(challenge.Text(challenge.To.Tag), again.Text(again.To.Tag));
        Assert.Equal(challenge.Text(challenge.Find(SipHeaderKind.ProxyAuthenticate)), again.Text(again.Find(SipHeaderKind.ProxyAuthenticate)));
        Assert.Empty(attacker.Drain());
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task RegisterWithoutCredentials_Gets401Statelessly()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");

        phone.Send(phone.Request("REGISTER", "sip:centrex.test", "reg-1", 1, "t"));
        var challenge = phone.Receive().Message;

        Assert.Equal(401, challenge.StatusCode);
        Assert.True(challenge.Has(SipHeaderKind.WwwAuthenticate));
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
    }

    [Fact]
    public async Task AuthenticatedCall_StillGets100Trying_AndItsChallengeAckDoesNotTouchTheCall()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");

        var invite = Flows.CallBob(alice, bob);

        Assert.Equal(100, alice.Receive().Message.StatusCode);
        Assert.Equal(1, fixture.Switch.ActiveCalls);
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
    }
}
