using System.Text;
using Centrex.Rating.Money;
using Centrex.Switch.Fraud;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Fraud;

/// <summary>
/// The spend caps of <see cref="FraudControl"/> on their own, with the test tariff (North America: 60 mills a minute,
/// by the minute): what calls up may still cost counts, the windows roll to the minute, and the tighter cap names itself.
/// </summary>
public sealed class SpendCapTests
{
    private static readonly byte[] Domestic = Encoding.ASCII.GetBytes("12125551234");
    private readonly StringWriter _log = new();

    [Fact]
    public void CallsUp_HoldWhatTheyMayStillCost_SoTwoAtOnceCannotSpendTheCapTwice()
    {
        var fraud = new FraudControl(TestTariff.Rater, _log);
        var limits = new SwitchFraudLimits(MaxSpendPerHour: new Mills(150));

        var first = fraud.Check(Call("a", 0), HookDirectory.Prepaid, limits, Domestic);
        var second = fraud.Check(Call("b", 0), HookDirectory.Prepaid, limits, Domestic);
        var third = fraud.Check(Call("c", 0), HookDirectory.Prepaid, limits, Domestic);

        Assert.Equal((true, 120), (first.Allowed, first.MaxSeconds)); // 0.150 pays two whole minutes, held
        Assert.False(second.Allowed); // 0.030 left: not a first minute
        Assert.Equal(FraudRule.MaxSpendPerHour, second.Rule);
        fraud.Ended("a", 30, At(1)); // it lasted 30 s: charged one minute, the rest of its hold given back
        Assert.False(third.Allowed);
        var fourth = fraud.Check(Call("d", 1), HookDirectory.Prepaid, limits, Domestic);
        Assert.Equal((true, 60), (fourth.Allowed, fourth.MaxSeconds)); // 0.150 - 0.060 spent = 0.090: one minute
        Assert.Equal(2, fraud.RefusedMaxSpendPerHour);
    }

    [Fact]
    public void Windows_RollToTheMinute_AndTheDayCapRefusesNamingItself()
    {
        var fraud = new FraudControl(TestTariff.Rater, _log);
        var limits = new SwitchFraudLimits(MaxSpendPerHour: new Mills(60), MaxSpendPerDay: new Mills(120));

        Assert.True(fraud.Check(Call("a", 0), HookDirectory.Prepaid, limits, Domestic).Allowed);
        fraud.Ended("a", 60, At(1));
        Assert.False(fraud.Check(Call("b", 60), HookDirectory.Prepaid, limits, Domestic).Allowed); // minute 1 is still in the hour
        Assert.True(fraud.Check(Call("c", 61), HookDirectory.Prepaid, limits, Domestic).Allowed); // an hour after it: gone
        fraud.Ended("c", 60, At(62));

        var day = fraud.Check(Call("d", 200), HookDirectory.Prepaid, limits, Domestic);
        Assert.Equal((false, FraudRule.MaxSpendPerDay, "fraud control: max_spend_per_day 0.120 reached"), (day.Allowed, day.Rule, day.Reason));
        Assert.True(fraud.Check(Call("e", 1441), HookDirectory.Prepaid, limits, Domestic).Allowed); // a day after the first
        Assert.Equal(1, fraud.CallsUp);
    }

    [Fact]
    public void AccountsAreCountedApart_AndAnEndedCallIsForgotten()
    {
        var fraud = new FraudControl(TestTariff.Rater, _log);
        var limits = new SwitchFraudLimits(MaxSpendPerHour: new Mills(60));

        Assert.True(fraud.Check(Call("a", 0), HookDirectory.Prepaid, limits, Domestic).Allowed);
        Assert.True(fraud.Check(Call("b", 0), HookDirectory.Postpaid, limits, Domestic).Allowed);
        fraud.Ended("a", 0, At(0)); // unanswered: costs nothing
        fraud.Ended("a", 60, At(0)); // ended twice: counted once
        Assert.True(fraud.Check(Call("c", 0), HookDirectory.Prepaid, limits, Domestic).Allowed);
        Assert.Equal(2, fraud.CallsUp);
    }

    private static Instant At(int minute) => HookDirectory.Start + Duration.FromMinutes(minute);

    private static Centrex.Switch.Calls.CallInfo Call(string id, int minute) => HookDirectory.Outgoing(id, HookDirectory.Prepaid) with { Start = At(minute) };
}
