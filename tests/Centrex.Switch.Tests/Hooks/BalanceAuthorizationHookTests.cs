using Centrex.Rating.Money;
using Centrex.Switch.Authorization;
using Centrex.Switch.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>Balance authorization through the B2BUA's hook, against a real ledger and the test tariff.</summary>
public sealed class BalanceAuthorizationHookTests : IDisposable
{
    private readonly LedgerFolder _ledger = new();
    private readonly CallAuthorizer _authorizer;
    private readonly BalanceAuthorizationHook _hook;

    public BalanceAuthorizationHookTests()
    {
        _authorizer = new CallAuthorizer(TestTariff.Rater, new LedgerBalanceSource(_ledger.Store));
        _hook = new BalanceAuthorizationHook(HookDirectory.Create(), _authorizer);
    }

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public void Prepaid_CannotPayTheFirstIncrement_Refused402WithTheReason()
    {
        _ledger.TopUp(HookDirectory.Prepaid, 59); // the first minute to North America costs 60 mills

        var decision = _hook.Authorize(HookDirectory.Outgoing("p1", HookDirectory.Prepaid));

        Assert.False(decision.Allowed);
        Assert.Equal(402, decision.Status);
        Assert.Equal("insufficient funds: 0.059 available, the first 60 s to 1 North America cost 0.060", decision.Reason);
        Assert.Equal(0, _hook.Outstanding);
    }

    [Fact]
    public void Prepaid_MaxDurationFromTheBalance_AndTheMoneyHeldUntilTheCdrTakesIt()
    {
        _ledger.TopUp(HookDirectory.Prepaid, 1_000); // 16 whole minutes at 60 mills: 960 s
        var call = HookDirectory.Outgoing("p2", HookDirectory.Prepaid);

        var decision = _hook.Authorize(call);

        Assert.True(decision.Allowed);
        Assert.Equal(Duration.FromSeconds(960), decision.MaxDuration);
        Assert.Equal(new Mills(960), _authorizer.Held(HookDirectory.Prepaid));
        var grant = _hook.Take(call);
        Assert.NotNull(grant);
        Assert.Null(_hook.Take(call));
        grant.Release();
        Assert.Equal(Mills.Zero, _authorizer.Held(HookDirectory.Prepaid));
    }

    [Fact]
    public void CreditAccount_WithoutACreditLimit_GetsOnlyThe120MinuteCap()
    {
        var decision = _hook.Authorize(HookDirectory.Outgoing("c1", HookDirectory.Postpaid));

        Assert.True(decision.Allowed);
        Assert.Equal(Duration.FromMinutes(120), decision.MaxDuration);
    }

    [Fact]
    public void CreditAccount_UnderItsLimit_GetsTheDurationTheLimitCovers()
    {
        var decision = _hook.Authorize(HookDirectory.Outgoing("l1", HookDirectory.Limited));

        Assert.True(decision.Allowed);
        Assert.Equal(Duration.FromSeconds(60), decision.MaxDuration); // 0.100 of credit pays one whole minute of 60 mills
        Assert.Equal(new Mills(60), _authorizer.Held(HookDirectory.Limited));
    }

    [Fact]
    public void CreditAccount_PastItsLimit_Refused402WithTheReason()
    {
        _ledger.TopUp(HookDirectory.Limited, -50); // 0.050 owed: 0.050 of the 0.100 limit left, under one minute's 0.060

        var decision = _hook.Authorize(HookDirectory.Outgoing("l2", HookDirectory.Limited));

        Assert.False(decision.Allowed);
        Assert.Equal(402, decision.Status);
        Assert.Equal("insufficient funds: 0.050 available, the first 60 s to 1 North America cost 0.060", decision.Reason);
        Assert.Equal(0, _hook.Outstanding);
    }

    [Fact]
    public void NumberWithoutARate_Refused403()
    {
        _ledger.TopUp(HookDirectory.Prepaid, 1_000);

        var decision = _hook.Authorize(HookDirectory.Outgoing("n1", HookDirectory.Prepaid, dialed: "0033142685300", normalized: "33142685300"));

        Assert.False(decision.Allowed);
        Assert.Equal(403, decision.Status);
    }

    [Fact]
    public void InternalCall_NotPriced_UnlimitedAndNothingHeld()
    {
        var decision = _hook.Authorize(HookDirectory.Internal("i1", HookDirectory.Prepaid, HookDirectory.Postpaid));

        Assert.Equal(Centrex.Switch.Calls.BalanceDecision.Unlimited, decision);
        Assert.Equal(0, _hook.Outstanding);
    }
}
