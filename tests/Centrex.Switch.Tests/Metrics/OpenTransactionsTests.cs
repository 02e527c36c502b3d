using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Metrics;

/// <summary>
/// The count behind <c>centrex_sip_transactions</c> (issue 14's soak: transactions back to zero after the load stops):
/// each partition publishes how many transactions it holds as it opens and ends them, and they all end once their
/// timers have run out.
/// </summary>
public sealed class OpenTransactionsTests
{
    [Fact]
    public async Task ACallsTransactions_AreCounted_AndAllEndOnceTheirTimersRunOut()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Assert.Equal(0, fixture.Switch.OpenTransactions);

        var (_, ok) = Flows.AnsweredCall(alice, bob);
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        alice.ReceiveResponse(200);
        Flows.Sync(alice, fixture.Switch);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
        Assert.True(fixture.Switch.OpenTransactions > 0); // the BYEs' transactions wait out Timer J and K (§17.1.2.2, §17.2.2)

        fixture.Clock.Advance(Duration.FromSeconds(64)); // 64*T1 and more: every timer has fired
        fixture.Switch.Quiesce();
        Assert.Equal(0, fixture.Switch.OpenTransactions);
    }
}
