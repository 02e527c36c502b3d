using System.Net;
using Centrex.Rating;
using Centrex.Rating.Charging;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 17's local calling areas in the switch's own charging (seed 000, "Free Local Calling"): a call the phone
/// places inside its account's local calling area is authorized and charged at the area's rate, as <c>rate</c> and the
/// HTTP API charge the same call from a CDR file, never at the tariff's long-distance row.
/// </summary>
public sealed class SippLocalCallingTests : IDisposable
{
    private const string Local = "6045551234";        // inside the area (E.164 prefix 1604555)
    private const string LongDistance = "2125551234"; // North America at 60 mills a minute (TestTariff)

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task Sipp_PrepaidWithNoMoney_CallsFreeLocalNumber_ButNotLongDistance()
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort), rater: RaterWithArea(default));

        var refused = Sipp.Run("uac-payment-required", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", LongDistance, "-au", HookedSwitch.Prepaid, "-ap", SwitchFixture.Password);
        Assert.True(refused.ExitCode == 0, "long distance with no money must get 402: " + refused.Output);

        var cdrId = await TalkFor(fixture, clock, gatewayPort, Local, Duration.FromSeconds(61));

        Assert.True(fixture.Ledger.ContainsCdr(cdrId), "the free local call was not charged (at zero) on the ledger");
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(HookedSwitch.Prepaid));
    }

    [Fact]
    public async Task Sipp_LocalCall_IsHeldAndChargedAtTheAreasRate_NotTheTariffs()
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort), rater: RaterWithArea(new MicroDollars(20_000)));
        fixture.Ledger.TopUp(HookedSwitch.Prepaid, 100_000);

        // 120 minutes at the area's 20 mills a minute are held (the tariff's row would hold 7,200 mills), and a 61 s
        // call is billed by the tariff's 60/60 increments at the area's rate: 2 minutes, 40 mills.
        var cdrId = await TalkFor(fixture, clock, gatewayPort, Local, Duration.FromSeconds(61),
            whileTalking: () => Assert.Equal(new Mills(2_400), fixture.Hooks.Balance.Held(HookedSwitch.Prepaid)));

        Assert.True(fixture.Ledger.ContainsCdr(cdrId));
        Assert.Equal(new Mills(100_000 - 40), fixture.Ledger.Store.Balance(HookedSwitch.Prepaid));
    }

    private static Rater RaterWithArea(MicroDollars ratePerMinute) => new(TestTariff.Tariff, NumberingPlan.Default)
    {
        AccountRules = new AccountRules(
            [new LocalArea("vancouver", ["1604555"], ratePerMinute)],
            [(HookedSwitch.Prepaid, "vancouver", new Dictionary<string, MicroDollars>())]),
    };

    /// <summary>The prepaid account calls <paramref name="dialed"/>, the gateway answers, the call lasts
    /// <paramref name="talk"/> on the manual clock and the switch stops (BYE on both legs); the CDR's id once charged.</summary>
    private async Task<string> TalkFor(HookedSwitch fixture, ManualSwitchClock clock, int gatewayPort, string dialed, Duration talk, Action? whileTalking = null)
    {
        using var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", dialed, "-au", HookedSwitch.Prepaid, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, gateway, "gateway", _guard.Token);

        whileTalking?.Invoke();
        clock.Advance(talk);
        await fixture.Switch.DisposeAsync(); // ends the call with BYE on both legs, billed up to now
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(gateway).ExitCode == 0, "gateway");
        fixture.WaitForCdrs(_guard.Token);
        var answered = CdrStore.Read(fixture.Ledger.DataDirectory, clock.Now - Duration.FromDays(1), clock.Now + Duration.FromDays(1))
            .Single(c => c.Disposition == CallDisposition.Answered);
        return answered.Id;
    }
}
