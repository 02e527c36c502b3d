using Centrex.Rating.Money;
using Centrex.Switch.Authorization;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;
using CdrDirection = Centrex.Switch.Admission.CallDirection;
using CdrDisposition = Centrex.Switch.Cdrs.CallDisposition;
using Centrex.Switch.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>Call ends through the B2BUA's CDR hook into the real-time sink: stored, rated and charged in a real ledger.</summary>
public sealed class CdrSinkHookTests : IDisposable
{
    private readonly LedgerFolder _ledger = new();
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it
    private readonly CallAuthorizer _authorizer;
    private readonly BalanceAuthorizationHook _balance;
    private readonly RealTimeCdrSink _sink;
    private readonly CdrSinkHook _hook;

    public CdrSinkHookTests()
    {
        _authorizer = new CallAuthorizer(TestTariff.Rater, new LedgerBalanceSource(_ledger.Store));
        _balance = new BalanceAuthorizationHook(HookDirectory.Create(), _authorizer);
        _sink = new RealTimeCdrSink(TestTariff.Rater, _ledger.Writer, _ledger.DataDirectory, ringSize: 64);
        _hook = new CdrSinkHook(_sink, _balance, "run1");
    }

    public void Dispose()
    {
        _sink.Dispose();
        _guard.Dispose();
        _ledger.Dispose();
    }

    private static CallEnd Answered(CallInfo call, int seconds) =>
        new(call, call.Start + Duration.FromSeconds(5), call.Start + Duration.FromSeconds(5 + seconds), CallDisposition.Answered, 200,
            HookDirectory.Sdp("0 18"), HookDirectory.Sdp("18"));

    [Fact]
    public void AnsweredOutgoingCall_ChargedIntoTheLedger_AndItsHoldReleasedAfterTheCommit()
    {
        _ledger.TopUp(HookDirectory.Prepaid, 1_000);
        var call = HookDirectory.Outgoing("7", HookDirectory.Prepaid);
        Assert.True(_balance.Authorize(call).Allowed);

        _hook.Emit(Answered(call, 61));
        _sink.WaitForCommit(_hook.LastTicket, _guard.Token);

        Assert.Equal(new Mills(880), _ledger.Store.Balance(HookDirectory.Prepaid)); // 61 s in 60/60 increments: 120 mills
        Assert.Equal(Mills.Zero, _authorizer.Held(HookDirectory.Prepaid));
        Assert.True(_ledger.ContainsCdr("run1-7"));
        var stored = Assert.Single(CdrStore.Read(_ledger.DataDirectory, call.Start, call.Start + Duration.FromDays(1)));
        Assert.Equal(("run1-7", 61, CdrDisposition.Answered, "G729", "12125551234", "hq"),
            (stored.Id, stored.BillableSeconds, stored.Disposition, stored.Codec, stored.CalleeNormalized, stored.Site));
    }

    [Fact]
    public void AnsweredPastTheAuthorizedDuration_BilledOnlyUpToIt()
    {
        _ledger.TopUp(HookDirectory.Prepaid, 60); // exactly the first minute: authorized for 60 s
        var call = HookDirectory.Outgoing("8", HookDirectory.Prepaid);
        Assert.Equal(Duration.FromSeconds(60), _balance.Authorize(call).MaxDuration);

        _hook.Emit(Answered(call, 60) with { End = call.Start + Duration.FromSeconds(65.2) }); // the switch's BYE landed late
        _sink.WaitForCommit(_hook.LastTicket, _guard.Token);

        Assert.Equal(Mills.Zero, _ledger.Store.Balance(HookDirectory.Prepaid));
    }

    [Fact]
    public void RefusedAndInternalCalls_StoredButNotCharged()
    {
        var refused = HookDirectory.Outgoing("9", HookDirectory.Prepaid);
        var onNet = HookDirectory.Internal("10", HookDirectory.Prepaid, HookDirectory.Postpaid) with { Dialed = "6045550102" };
        Assert.False(_balance.Authorize(refused).Allowed);

        _hook.Emit(new CallEnd(refused, null, refused.Start, CallDisposition.RefusedByBalance, 402, default, default));
        _hook.Emit(Answered(onNet, 30));
        _sink.WaitForCommit(_hook.LastTicket, _guard.Token);

        Assert.Equal(2, _sink.Counters.Stored);
        Assert.Equal(0, _sink.Counters.Charged);
        Assert.Equal(Mills.Zero, _ledger.Store.Balance(HookDirectory.Prepaid));
        var stored = CdrStore.Read(_ledger.DataDirectory, refused.Start, refused.Start + Duration.FromDays(1)).ToArray();
        Assert.Equal(CdrDisposition.RefusedByBalance, stored[0].Disposition);
        Assert.Equal((HookDirectory.Postpaid, CdrDirection.Incoming), (stored[1].Account, stored[1].Direction));
    }
}
