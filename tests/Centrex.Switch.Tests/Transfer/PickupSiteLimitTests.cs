using Centrex.Switch.Calls;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// A picked-up call connects on its site like any answered call (seed 004 counts connected calls): when the site has
/// no connected slot left the pickup is refused 503 naming the limit, and the phone that rang goes on ringing.
/// </summary>
public sealed class PickupSiteLimitTests : IAsyncLifetime
{
    private readonly RefusingAnswers _admission = new();
    private readonly SwitchFixture _fixture;
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;
    private readonly TestPhone _carol;

    public PickupSiteLimitTests()
    {
        _fixture = new SwitchFixture(new CallHooks(_admission, PassThroughHooks.Instance, PassThroughHooks.Instance, new CollectingCdrs()));
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
    public void DirectedPickup_OnASiteWithNoConnectedSlotLeft_Is503_AndTheCallGoesOnRinging()
    {
        var invite = Flows.CallBob(_alice, _bob);
        _bob.Send(_bob.Response(invite, 180, "Ringing", "b1"));
        Assert.Equal(180, _alice.ReceiveResponse(180).StatusCode);

        Flows.Invite(_carol, "**102");
        var refused = _carol.ReceiveFinal();
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("Service Unavailable", refused.Text(refused.ReasonPhrase)); // the limit is named in the Warning
        Assert.Contains("\r\nWarning: 399 centrex \"site hq: max simultaneous calls 1 (connected)\"\r\n", System.Text.Encoding.UTF8.GetString(refused.Bytes),
            StringComparison.Ordinal);
        Assert.Equal(1, _admission.AnswersAsked);

        // Bob's phone was never cancelled: it answers, and Alice gets its 200 (the admission refuses that too here, so the
        // switch releases Bob and tells Alice 503: what matters is that the pickup left the ringing call as it was).
        _bob.Send(_bob.Response(invite, 200, "OK", "b1", body: Flows.Sdp));
        Assert.Equal(503, _alice.ReceiveFinal().StatusCode);
        Assert.Equal(2, _admission.AnswersAsked);
    }

    private sealed class RefusingAnswers : ICallAdmission
    {
        private int _answers;

        public int AnswersAsked => Volatile.Read(ref _answers);

        public AdmissionDecision Admit(CallInfo call, ReadOnlyMemory<byte> offerSdp) => AdmissionDecision.Admit;

        public AdmissionDecision Answered(CallInfo call, ReadOnlyMemory<byte> answerSdp)
        {
            Interlocked.Increment(ref _answers);
            return AdmissionDecision.Refuse("site hq: max simultaneous calls 1 (connected)");
        }

        public void Release(CallInfo call)
        {
        }
    }
}
