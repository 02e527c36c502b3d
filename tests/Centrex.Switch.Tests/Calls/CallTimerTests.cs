using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Calls;

/// <summary>
/// A call's timers are slots of its partition's timer wheel with the call as their target (no closure per timer): a
/// slot a cancelled timer left is reused by the next call's timers, and the handle the first call keeps must neither
/// fire into that call nor stop its timers. On the manual clock.
/// </summary>
public class CallTimerTests
{
    [Fact]
    public async Task AnAnsweredCallsCancelledRingTimer_NeverFires_AndTheNextCallRingsForItsOwnRingTime()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");

        // Call 1: answered at once, so its 60-second ring timer is cancelled; then ended by alice (its handles go stale).
        var (_, ok) = Flows.AnsweredCall(alice, bob);
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        alice.ReceiveResponse(200);
        Assert.Equal(0, fixture.Switch.ActiveCalls);

        // Call 2, 30 s later: its timers take the slots call 1's left.
        fixture.Clock.Advance(Duration.FromSeconds(30));
        Flows.Invite(alice, "102");
        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 180, "Ringing", "b2"));
        alice.ReceiveResponse(180);

        // Call 1's ring time would have ended now: call 2 rings on.
        fixture.Clock.Advance(Duration.FromSeconds(31));
        Flows.Sync(alice, fixture.Switch);
        Assert.Equal(1, fixture.Switch.ActiveCalls);
        Assert.Single(fixture.Cdrs.Ends); // call 1's, answered

        // Call 2's own ring time: CANCEL to bob, 480 to alice.
        fixture.Clock.Advance(Duration.FromSeconds(30));
        var (cancel, _) = bob.ReceiveRequest("CANCEL");
        bob.Send(bob.Response(cancel, 200, "OK", "b2"));
        bob.Send(bob.Response(invite, 487, "Request Terminated", "b2"));
        Assert.Equal(480, alice.ReceiveFinal().StatusCode);
        Assert.Equal([CallDisposition.Answered, CallDisposition.NoAnswer], fixture.Cdrs.Ends.Select(e => e.Disposition));
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }
}
