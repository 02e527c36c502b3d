using System.Net;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// An account's spend caps (issue 14 fraud controls) reached by adding up calls, with sipp phones calling out through
/// the trunk to a sipp gateway on a switch wired as <c>serve --tariff</c> wires it. The clock is manual, so every call
/// lasts exactly what the test says: each is cut by the switch (sipp's caller waits for its BYE), either at the
/// 120-minute cap (seed 001) or at what the cap still pays for. The call past the cap is refused 403 with the rule in
/// the reason phrase and counted as a fraud refusal (<c>centrex_sip_refusals_total{reason="fraud"}</c>,
/// <c>centrex_calls_ended_total{disposition="refused-by-fraud"}</c>); once the window has rolled past the first call's
/// charge, calls go out again. North America: 60 mills a minute, by the minute (TestTariff).
/// </summary>
public sealed class SippSpendCapTests : IDisposable
{
    private const string Dialed = "2125551234";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(3)); // a hang fails the test, never times it
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task DayCap_ThreeCallsAddUpTo15_TheFourthIsRefused403_AndCallsGoOutAgainOnce24HoursPassedTheFirst()
    {
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(_clock, new IPEndPoint(IPAddress.Loopback, gatewayPort), callerFraud: "\"maxSpendPerDay\": \"15.000\"");

        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(120)); // 09:00-11:00, 7.200: cut by the 120-minute cap
        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(120)); // 11:00-13:00, 7.200
        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(10));  // 13:00-13:10: 0.600 left pays 10 minutes, cut there

        Refused(fixture, "fraud control: max_spend_per_day 15.000 reached");
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedMaxSpendPerDay);
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Assert.Equal(1, fixture.Switch.Metrics.CallsEnded(CallDisposition.RefusedByFraud));
        Assert.Equal(new Mills(-15_000), fixture.Ledger.Store.Balance(HookedSwitch.Caller)); // charged exactly the cap
        Assert.Equal([7_200, 7_200, 600], Answered(fixture).Select(c => c.BillableSeconds));

        // The window rolls to the minute: at 10:59 the next day the first call (ended 11:00) still counts...
        _clock.Advance(Instant.FromUtc(2026, 11, 23, 10, 59) - _clock.Now);
        Refused(fixture, "fraud control: max_spend_per_day 15.000 reached");
        // ...a minute later it has left the last 24 hours: its 7.200 may be spent again.
        _clock.Advance(Duration.FromMinutes(1));
        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(120));

        Assert.Equal(2, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Assert.Equal(new Mills(-22_200), fixture.Ledger.Store.Balance(HookedSwitch.Caller));
    }

    [Fact]
    public async Task HourCap_ACallAndTheRestOfTheCapAddUpTo7_50_TheNextIsRefused403_AndAnHourAfterTheFirstEndedCallsGoOutAgain()
    {
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(_clock, new IPEndPoint(IPAddress.Loopback, gatewayPort), callerFraud: "\"maxSpendPerHour\": \"7.500\"");

        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(120)); // 09:00-11:00, 7.200, counted when it ended
        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(5));   // 11:00-11:05: 0.300 left pays 5 minutes

        Refused(fixture, "fraud control: max_spend_per_hour 7.500 reached");
        Assert.Equal((1L, 0L), (fixture.Hooks.Fraud.RefusedMaxSpendPerHour, fixture.Hooks.Fraud.RefusedMaxSpendPerDay));
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Assert.Equal(new Mills(-7_500), fixture.Ledger.Store.Balance(HookedSwitch.Caller));

        _clock.Advance(Instant.FromUtc(2026, 11, 22, 11, 59) - _clock.Now);
        Refused(fixture, "fraud control: max_spend_per_hour 7.500 reached");
        _clock.Advance(Duration.FromMinutes(1)); // 12:00: the call that ended at 11:00 has left the last 60 minutes
        TalkUntilCut(fixture, gatewayPort, Duration.FromMinutes(120)); // 7.500 - 0.300 still in the hour: 7.200, the whole cap

        Assert.Equal(2, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Assert.Equal([7_200, 300, 7_200], Answered(fixture).Select(c => c.BillableSeconds));
    }

    /// <summary>
    /// A call out that the gateway answers and the switch cuts after exactly <paramref name="lasts"/> on the manual
    /// clock: still talking a second before, both sipp parties released with BYE at it.
    /// </summary>
    private void TalkUntilCut(HookedSwitch fixture, int gatewayPort, Duration lasts)
    {
        using var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", Dialed, "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, gateway, "gateway", _guard.Token);

        _clock.Advance(lasts - Duration.FromSeconds(1));
        Assert.Equal(1, fixture.Switch.ConfirmedCalls);
        _clock.Advance(Duration.FromSeconds(1));
        var callerResult = Sipp.Finish(caller);
        var gatewayResult = Sipp.Finish(gateway);
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output);
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
        fixture.WaitForCdrs(_guard.Token); // charged, so the spend is in the ledger and in the fraud window
    }

    /// <summary>A sipp call out refused 403 with <paramref name="reason"/> (read from sipp's own message trace).</summary>
    private void Refused(HookedSwitch fixture, string reason)
    {
        var trace = new SippTrace(_logs.Path, "refused-" + Guid.NewGuid().ToString("N")[..8]);
        var refused = Sipp.Run("uac-forbidden", fixture.Endpoint, Sipp.FreeUdpPort(),
            ["-s", Dialed, "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, .. trace.Args]);
        Assert.True(refused.ExitCode == 0, "refused caller: " + refused.Output);
        Assert.Equal("SIP/2.0 403 " + reason, trace.WaitFor("SIP/2.0 403").Split('\n')[0].TrimEnd('\r'));
        fixture.WaitForCdrs(_guard.Token);
    }

    private List<SwitchCdr> Answered(HookedSwitch fixture) =>
        [.. CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(3), _clock.Now + Duration.FromDays(1))
            .Where(c => c.Disposition == CallDisposition.Answered).OrderBy(c => c.Start)];
}
