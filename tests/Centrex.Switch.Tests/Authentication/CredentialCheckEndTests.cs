using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Authentication;

/// <summary>
/// Every request the router admits with credentials counts as a check in flight until its partition reports back
/// (<see cref="Centrex.Switch.Registration.AuthChecksInFlight"/>). A retransmitted INVITE is absorbed by its
/// transaction without its credentials being looked at; it used to report nothing, so each retransmission held a place
/// until the 2 s timeout, and under load a PBX's new calls were dropped behind its own retransmissions (bench/README,
/// the 1,000 calls/s latency run). The clock here is manual: a place held until the timeout is held for good.
/// </summary>
public sealed class CredentialCheckEndTests
{
    [Fact]
    public async Task RetransmittedAuthenticatedInvites_EndTheirChecks_SoTheNextCallIsStillLookedAt()
    {
        await using var fixture = new SwitchFixture(authLimits: new SipAuthLimits { MaxChecksInFlight = 1, MaxProvenChecksInFlight = 1 });
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        var first = Flows.Invite(alice, "102"); // 102 is not registered: refused, and the refusal is the transaction's answer
        var refusal = FinalFor(alice, first.CallId);
        Assert.InRange(refusal.StatusCode, 400, 699);

        for (var i = 0; i < 5; i++)
        {
            alice.Send(first.Invite); // the same branch: a retransmission, answered from the transaction (§17.2.1)
            Assert.Equal(refusal.StatusCode, FinalFor(alice, first.CallId).StatusCode);
        }

        var second = Flows.Invite(alice, "102");
        Assert.Equal(refusal.StatusCode, FinalFor(alice, second.CallId).StatusCode); // looked at, not dropped as over the bound
    }

    private static SipMessage FinalFor(TestPhone phone, string callId) =>
        phone.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.CSeq == 2 && m.Text(m.CallId) == callId).Message;
}
