using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Transactions;

/// <summary>
/// RFC 3261 §17.1 client transaction timers on the manual clock, seen from a callee's socket: Timer A doubling from T1,
/// Timer D absorbing a retransmitted final response, Timers E and F for a BYE nobody answers.
/// </summary>
public sealed class TransactionTimerTests
{
    [Fact]
    public async Task TimerA_RetransmitsTheInviteAtT1_ThenDoubling()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.CallBob(alice, bob);

        // Retransmissions at 0.5, 1.5, 3.5 s (T1 = 500 ms, doubling, §17.1.1.2): none before each, one at each.
        int[] steps = [499, 1, 999, 1, 1_999, 1];
        int[] expected = [0, 1, 0, 1, 0, 1];
        for (var i = 0; i < steps.Length; i++)
        {
            fixture.Clock.Advance(Duration.FromMilliseconds(steps[i]));
            Assert.Equal(expected[i], bob.Drain().Count(m => m.Method == SipMethod.Invite));
        }
    }

    [Fact]
    public async Task TimerD_ARetransmittedBusyIsAckedAgainAndNotPassedOnTwice_ThenTheTransactionEnds()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var invite = Flows.CallBob(alice, bob);
        var busy = bob.Response(invite, 486, "Busy Here", "b1");
        bob.Send(busy);
        bob.ReceiveRequest("ACK");
        Assert.Equal(486, alice.ReceiveFinal().StatusCode);

        bob.Send(busy); // our ACK was "lost": the callee retransmits its final response (§17.1.1.2, Timer D's purpose)
        Assert.Equal(SipMethod.Ack, bob.ReceiveRequest("ACK").Message.Method);
        Flows.Sync(alice, fixture.Switch);
        Assert.DoesNotContain(alice.Drain(), m => !m.IsRequest && m.StatusCode == 486);

        fixture.Clock.Advance(Duration.FromSeconds(32)); // Timer D = 32 s over UDP
        Assert.Equal(0, fixture.Switch.ClientTransactionCount);
        Assert.Equal(CallDisposition.Busy, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    [Fact]
    public async Task TimersEAndF_AByeNobodyAnswers_IsRetransmittedUpToT2_AndGivenUpAfter64T1()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var (_, ok) = Flows.AnsweredCall(alice, bob);

        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        bob.ReceiveRequest("BYE"); // and bob never answers it

        // Timer E: 0.5, 1.5, 3.5, 7.5 s, then every T2 = 4 s (11.5 ... 31.5 s): ten retransmissions before Timer F.
        fixture.Clock.Advance(Duration.FromMilliseconds(31_999));
        Assert.Equal(10, bob.Drain().Count(m => m.Method == SipMethod.Bye));
        Assert.True(fixture.Switch.ClientTransactionCount > 0);

        fixture.Clock.Advance(Duration.FromMilliseconds(1)); // Timer F = 64*T1: the BYE's transaction gives up
        Assert.Empty(bob.Drain());
        fixture.Clock.Advance(Duration.FromMinutes(2));
        Assert.Equal(0, fixture.Switch.ClientTransactionCount);
        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }
}
