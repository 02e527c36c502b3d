using Centrex.Rating.Money;
using Centrex.Switch.Authorization;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Authorization;

/// <summary>Authorization against balances in a real ledger.</summary>
public sealed class CallAuthorizerTests : IDisposable
{
    private readonly LedgerFolder _ledger = new();
    private readonly CallAuthorizer _authorizer;

    public CallAuthorizerTests() => _authorizer = new CallAuthorizer(TestTariff.Rater, new LedgerBalanceSource(_ledger.Store));

    public void Dispose() => _ledger.Dispose();

    private static SwitchAccount Prepaid(string id) => new(id, AccountType.Debit);

    [Fact]
    public void Prepaid_ExactlyTheFirstMinute_AuthorizedForSixtySeconds()
    {
        _ledger.TopUp("p1", 60);
        Assert.True(_authorizer.TryAuthorize(Prepaid("p1"), "2125551234"u8, out var call, out _));
        Assert.Equal(60, call.MaxDurationSeconds);
        Assert.Equal(new Mills(60), call.Reserved);
    }

    [Fact]
    public void Prepaid_OneMillShort_Refused402WithReason()
    {
        _ledger.TopUp("p2", 59);
        Assert.False(_authorizer.TryAuthorize(Prepaid("p2"), "2125551234"u8, out var call, out var refusal));
        Assert.Null(call);
        Assert.Equal(AuthorizationFailure.InsufficientFunds, refusal.Failure);
        Assert.Equal(402, refusal.SipStatus);
        Assert.Equal("insufficient funds: 0.059 available, the first 60 s to 1 North America cost 0.060", refusal.Reason);
    }

    [Fact]
    public void Prepaid_NothingOnTheAccount_TollFreeStillFreeForTheFullCap()
    {
        Assert.True(_authorizer.TryAuthorize(Prepaid("p3"), "18005551234"u8, out var call, out _));
        Assert.Equal(7200, call.MaxDurationSeconds);
        Assert.Equal(Mills.Zero, call.Reserved);
    }

    [Fact]
    public void Prepaid_ConnectFeeAndIncrements_MaxDurationFromTheTariff()
    {
        // UK: 50 mills connect + 0.03 $/min (half a mill a second), 30/6 increments. 100 mills:
        // 60·50,000 + 30,000·b ≤ 60,000·100 ⇒ b ≤ 100 s; billed 30 + 6k ≤ 100 ⇒ k = 11 ⇒ 96 s.
        _ledger.TopUp("p4", 100);
        Assert.True(_authorizer.TryAuthorize(Prepaid("p4"), "+447700900123"u8, out var call, out _));
        Assert.Equal(96, call.MaxDurationSeconds);
        Assert.Equal(new Mills(98), call.Reserved); // 50 + ceil(96 × 0.5)
    }

    [Fact]
    public void Prepaid_LargeBalance_CappedAt120Minutes()
    {
        _ledger.TopUp("p5", 1_000_000);
        Assert.True(_authorizer.TryAuthorize(Prepaid("p5"), "2125551234"u8, out var call, out _));
        Assert.Equal(7200, call.MaxDurationSeconds);
        Assert.Equal(new Mills(7200), call.Reserved);
    }

    [Fact]
    public void Credit_BalanceBelowZeroWithinTheLimit_SpendsTheRestOfTheLimit()
    {
        _ledger.TopUp("c1", -880);
        var account = new SwitchAccount("c1", AccountType.Credit, CreditLimit: new Mills(1_000));
        Assert.True(_authorizer.TryAuthorize(account, "2125551234"u8, out var call, out _));
        Assert.Equal(120, call.MaxDurationSeconds);
        Assert.Equal(new Mills(120), call.Reserved);
    }

    [Fact]
    public void Credit_PastItsLimit_Refused()
    {
        _ledger.TopUp("c2", -1_000);
        var account = new SwitchAccount("c2", AccountType.Credit, CreditLimit: new Mills(1_000));
        Assert.False(_authorizer.TryAuthorize(account, "2125551234"u8, out _, out var refusal));
        Assert.Equal(402, refusal.SipStatus);
    }

    [Fact]
    public void Credit_Unlimited_OnlyTheCapApplies()
    {
        _ledger.TopUp("c3", -99_999_999);
        Assert.True(_authorizer.TryAuthorize(new SwitchAccount("c3", AccountType.Credit), "2125551234"u8, out var call, out _));
        Assert.Equal(7200, call.MaxDurationSeconds);
    }

    [Fact]
    public void TwoSimultaneousCalls_CannotSpendTheSameBalance()
    {
        _ledger.TopUp("p6", 90);
        Assert.True(_authorizer.TryAuthorize(Prepaid("p6"), "2125551234"u8, out var first, out _));
        Assert.Equal(60, first.MaxDurationSeconds);
        Assert.Equal(new Mills(60), _authorizer.Held("p6"));
        Assert.False(_authorizer.TryAuthorize(Prepaid("p6"), "2125551234"u8, out _, out var refusal));
        Assert.StartsWith("insufficient funds: 0.030 available", refusal.Reason, StringComparison.Ordinal);

        Assert.True(first.Release());
        Assert.False(first.Release());
        Assert.Equal(Mills.Zero, _authorizer.Held("p6"));
        Assert.True(_authorizer.TryAuthorize(Prepaid("p6"), "2125551234"u8, out _, out _));
    }

    [Fact]
    public void ManyThreadsAuthorizingOneAccount_HoldsNeverExceedTheBalance()
    {
        _ledger.TopUp("p7", 6_000); // each call holds all it can: the first takes the lot
        var granted = new System.Collections.Concurrent.ConcurrentBag<CallAuthorization>();
        Parallel.For(0, 400, i =>
        {
            if (_authorizer.TryAuthorize(Prepaid("p7"), "2125551234"u8, out var call, out _))
            {
                granted.Add(call);
            }
        });

        Assert.True(granted.Sum(g => g.Reserved.Value) <= 6_000);
        Assert.Equal(granted.Sum(g => g.Reserved.Value), _authorizer.Held("p7").Value);
        Parallel.ForEach(granted, g => g.Release());
        Assert.Equal(Mills.Zero, _authorizer.Held("p7"));
    }

    [Fact]
    public void NoTariffPrefix_Refused403()
    {
        Assert.False(_authorizer.TryAuthorize(Prepaid("p8"), "+33123456789"u8, out _, out var refusal));
        Assert.Equal(AuthorizationFailure.NoRate, refusal.Failure);
        Assert.Equal(403, refusal.SipStatus);
        Assert.Equal("no rate for 33123456789", refusal.Reason);
    }

    [Fact]
    public void UndialableNumber_Refused484()
    {
        Assert.False(_authorizer.TryAuthorize(Prepaid("p9"), "555-1234\r\n"u8, out _, out var refusal));
        Assert.Equal(484, refusal.SipStatus);
        Assert.DoesNotContain('\n', refusal.Reason);
    }
}
