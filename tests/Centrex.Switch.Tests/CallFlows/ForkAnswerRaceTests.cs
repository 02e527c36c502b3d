using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// The losing legs of a simultaneous hunt group (B2bua.Forks.cs): a leg still ringing when another answers gets
/// CANCEL (RFC 3261 §9.1); a leg whose 200 is already queued behind the winner's, in the same partition batch, gets
/// ACK and BYE (§15) and no CANCEL, which would reach a UAS that has sent its final response (§9.2).
/// </summary>
public sealed class ForkAnswerRaceTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    private static SwitchFixture GroupOfBobAndCarol()
    {
        var fixture = new SwitchFixture(partitions: 1);
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "200", "Sales", HuntSequence.Simultaneous, HuntCallerId.Keep, false, null,
            [FeatureDirectory.Member(d, "acme", "102"), FeatureDirectory.Member(d, "acme", "103")], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group]));
        return fixture;
    }

    /// <summary>Bob and Carol register and Alice calls the group: both ring (180); returns their INVITEs.</summary>
    private static (SipMessage Bob, SipMessage Carol) BothRing(TestPhone alice, TestPhone bob, TestPhone carol)
    {
        Steps.Register(bob);
        Steps.Register(carol);
        Steps.Invite(alice, "200");
        return (Steps.Ring(bob, "b1"), Steps.Ring(carol, "c1"));
    }

    [Fact]
    public async Task TwoMembersAnswerInOneBatch_TheLoserIsAckedAndReleasedWithBye_WithoutACancel()
    {
        await using var fixture = GroupOfBobAndCarol();
        using var phones = new Phones(fixture.Endpoint, Alice, Bob, Carol);
        var (alice, bob, carol) = phones;
        var (bobInvite, carolInvite) = BothRing(alice, bob, carol);
        Steps.Sync(bob, fixture.Switch);
        Steps.Sync(carol, fixture.Switch);

        // Hold the partition on a work item while both 200s reach its ring, so that they are handled in one batch, as
        // they are under load when members answer at once (bench/sip-load-flows.sh's sipp phones).
        var partition = fixture.Switch.Pipeline.Partitions[0];
        using var gate = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        var hold = Task.Run(() => partition.Run(() =>
        {
            holding.Set();
            gate.Wait(TimeSpan.FromSeconds(30));
        }));
        Assert.True(holding.Wait(TimeSpan.FromSeconds(10)));
        bob.Send(bob.Response(bobInvite, 200, "OK", "b1", Steps.Sdp));
        carol.Send(carol.Response(carolInvite, 200, "OK", "c1", Steps.Sdp));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (partition.QueueDepth < 3 && DateTime.UtcNow < deadline) // the held work item and the two 200s
        {
            await Task.Delay(5);
        }

        Assert.Equal(3, partition.QueueDepth);
        gate.Set();
        await hold;

        var ok = alice.ReceiveResponse(200); // the caller is answered by bob, whose 200 came first
        bob.ReceiveRequest("ACK");
        // Carol's requests in order: ACK for her 200, then BYE; a CANCEL would have come first.
        Assert.Equal(SipMethod.Ack, carol.Receive(m => m.IsRequest).Message.Method);
        var bye = carol.Receive(m => m.IsRequest).Message;
        Assert.Equal(SipMethod.Bye, bye.Method);
        carol.Send(carol.Response(bye, 200, "OK", "c1"));
        Steps.Sync(carol, fixture.Switch);
        Assert.DoesNotContain(carol.Drain(), m => m.IsRequest && m.Method == SipMethod.Cancel);

        alice.Send(Steps.InDialog(alice, ok, "ACK", 2));
        alice.Send(Steps.InDialog(alice, ok, "BYE", 3));
        var bobBye = bob.ReceiveRequest("BYE").Message;
        bob.Send(bob.Response(bobBye, 200, "OK", "b1"));
        alice.ReceiveResponse(200);
        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    [Fact]
    public async Task OneMemberAnswers_TheMemberStillRingingGetsCancel()
    {
        await using var fixture = GroupOfBobAndCarol();
        using var phones = new Phones(fixture.Endpoint, Alice, Bob, Carol);
        var (alice, bob, carol) = phones;
        var (bobInvite, carolInvite) = BothRing(alice, bob, carol);
        Steps.Sync(carol, fixture.Switch);

        bob.Send(bob.Response(bobInvite, 200, "OK", "b1", Steps.Sdp));
        var cancel = carol.ReceiveRequest("CANCEL").Message;
        Assert.Equal(carolInvite.Text(carolInvite.CallId), cancel.Text(cancel.CallId));
        carol.Send(carol.Response(cancel, 200, "OK", "c1"));
        carol.Send(carol.Response(carolInvite, 487, "Request Terminated", "c1"));
        carol.ReceiveRequest("ACK");
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
    }
}
