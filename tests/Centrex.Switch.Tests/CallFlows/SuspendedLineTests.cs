using Centrex.Switch.CallFlows;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Issue 16, suspend, live: a line suspended while it is in a call keeps that call (only new INVITEs are checked), and
/// its next call is refused 403; a suspended member of a hunt group is not rung, the group goes on to the next member.
/// </summary>
public sealed class SuspendedLineTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    [Fact]
    public async Task ALineSuspendedDuringACall_KeepsTheCall_AndItsNextCallIsRefused403()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        var (_, ok) = Steps.AnsweredCall(alice, bob);

        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, suspended: [Alice]));
        Steps.Sync(alice, fixture.Switch);

        Assert.Equal(1, fixture.Switch.ConfirmedCalls); // still up
        alice.Send(Steps.InDialog(alice, ok, "BYE", 3));
        var bye = bob.ReceiveRequest("BYE").Message;
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        alice.ReceiveResponse(200);
        Steps.Invite(alice, "102");
        var refused = alice.ReceiveResponse(403);
        Assert.Equal("Suspended", refused.Text(refused.ReasonPhrase));
    }

    [Fact]
    public async Task ASuspendedHuntGroupMember_IsNotRung_TheNextMemberRingsAtOnce()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Support", HuntSequence.Order, HuntCallerId.Keep, false, null,
            [FeatureDirectory.Member(d, "acme", "102", ringSeconds: 20), FeatureDirectory.Member(d, "acme", "103", ringSeconds: 20)], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], suspended: [Bob]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob); // a suspended line may register (so it can dial 911)
        Steps.Register(carol);

        Steps.Invite(alice, "300");

        var carolInvite = carol.ReceiveRequest("INVITE").Message; // no clock advance: bob's 20 s were never his
        carol.Send(carol.Response(carolInvite, 200, "OK", "c1", Steps.Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(Steps.InDialog(alice, ok, "ACK", 2));
        carol.ReceiveRequest("ACK");
        Steps.Sync(bob, fixture.Switch);
        Assert.DoesNotContain(bob.Drain(), m => m.IsRequest && m.Text(m.MethodName) == "INVITE");
    }
}
