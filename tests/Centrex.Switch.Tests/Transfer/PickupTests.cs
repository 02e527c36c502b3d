using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Issue 15, directed pickup: while Alice's call rings Bob (102), Carol dials <c>**102</c>; Bob's phone gets CANCEL,
/// Alice and Carol are both answered (each SDP cut to the formats both offered) and talk as one call.
/// </summary>
public sealed class PickupTests : IAsyncLifetime
{
    private readonly SwitchFixture _fixture = new();
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;
    private readonly TestPhone _carol;

    public PickupTests()
    {
        _alice = new TestPhone(_fixture.Endpoint, "16045550101");
        _bob = new TestPhone(_fixture.Endpoint, "16045550102");
        _carol = new TestPhone(_fixture.Endpoint, "16045550103");
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        _carol.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public void DirectedPickup_OfARingingExtension_CancelsItsPhone_AndJoinsTheCallerToThePicker()
    {
        var invite = Flows.CallBob(_alice, _bob);
        _bob.Send(_bob.Response(invite, 180, "Ringing", "b1"));
        Assert.Equal(180, _alice.ReceiveResponse(180).StatusCode);

        Flows.Invite(_carol, "**102");
        var cancel = _bob.ReceiveRequest("CANCEL").Message;
        _bob.Send(_bob.Response(cancel, 200, "OK", "b1"));
        _bob.Send(_bob.Response(invite, 487, "Request Terminated", "b1"));

        var carolOk = _carol.ReceiveResponse(200);
        var aliceOk = _alice.ReceiveResponse(200);
        Assert.Contains("m=audio 40000 RTP/AVP 0", carolOk.Text(carolOk.Body), StringComparison.Ordinal); // direct media: Alice's own SDP
        Assert.Contains("m=audio 40000 RTP/AVP 0", aliceOk.Text(aliceOk.Body), StringComparison.Ordinal);
        _carol.Send(Flows.InDialog(_carol, carolOk, "ACK", 2));
        _alice.Send(Flows.InDialog(_alice, aliceOk, "ACK", 2));
        Flows.Sync(_alice, _fixture.Switch);
        Assert.Equal((1, 1), (_fixture.Switch.ActiveCalls, _fixture.Switch.ConfirmedCalls));

        // Carol hangs up: Alice hears BYE; one CDR, answered by Carol's account.
        _carol.Send(Flows.InDialog(_carol, carolOk, "BYE", 3));
        Assert.Equal(200, _carol.ReceiveResponse(200).StatusCode);
        var bye = _alice.ReceiveRequest("BYE").Message;
        Assert.Equal(aliceOk.Text(aliceOk.CallId), bye.Text(bye.CallId));
        Flows.Sync(_alice, _fixture.Switch);
        var cdr = Assert.Single(_fixture.Cdrs.Ends);
        Assert.Equal(("16045550103", CallDisposition.Answered), (cdr.Call.CalleeAccountId, cdr.Disposition));
    }

    [Fact]
    public void DirectedPickup_OfAnExtensionNotRinging_Is404()
    {
        Flows.Invite(_carol, "**102");
        Assert.Equal(404, _carol.ReceiveFinal().StatusCode);
    }
}
