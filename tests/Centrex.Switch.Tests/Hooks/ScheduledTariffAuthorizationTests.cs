using System.Net;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Switch.Clock;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>
/// Balance authorization picks the tariff in force at the call's start on the switch's clock (issue 16's scheduled
/// tariffs), as the CDR stage rates it: on a manual clock, a destination that only a tariff activated on 2031-01-01
/// prices is refused "no rate" the minute before and goes out (and is charged at that tariff) the minute after, whatever
/// the system clock says. Authorization once read the system clock, so both calls were refused.
/// </summary>
public sealed class ScheduledTariffAuthorizationTests : IDisposable
{
    private const string France = "01133123456789"; // not in TestTariff: only the scheduled tariff prices it
    private static readonly Instant Activation = Instant.FromUtc(2031, 1, 1, 0, 0);

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1)); // a hang fails the test, never times it
    private readonly ManualSwitchClock _clock = new(Activation - Duration.FromMinutes(1));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task ACall_IsAuthorizedWithTheTariffInForceOnTheSwitchClock_NotTheSystemClock()
    {
        var rater = new Rater(TestTariff.Tariff, NumberingPlan.Default);
        var scheduled = TariffLoader.FromRows([.. TestTariff.Tariff.Rows, new TariffRow("33", "France", new MicroDollars(120_000), new MicroDollars(7_000), 60, 60)]);
        rater.Schedule = new TariffSchedule(rater, [(Activation.ToUnixTimeSeconds(), scheduled)]);
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new HookedSwitch(_clock, gateway.Local, rater: rater, maxOutgoing: 5);
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);

        var before = GatewayCalls.Refused(alice, France);
        _clock.Advance(Duration.FromMinutes(2));
        var ok = GatewayCalls.Answered(alice, gateway, France);
        _clock.Advance(Duration.FromSeconds(30));
        GatewayCalls.HangUp(alice, gateway, ok);
        fixture.WaitForCdrs(_guard.Token);

        Assert.Equal((403, "no rate for 33123456789"), (before.StatusCode, before.Text(before.ReasonPhrase)));
        // The scheduled tariff's France row: 7 mills to connect and a first minute of 120 mills for 30 seconds.
        Assert.Equal(-127, fixture.Ledger.Store.Balance(HookedSwitch.Caller).Value);
    }
}
