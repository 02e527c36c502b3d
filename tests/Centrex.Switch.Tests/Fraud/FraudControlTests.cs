using System.Net;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Fraud;

/// <summary>
/// Fraud controls (issue 14) through the switch as <c>serve --tariff</c> wires it: phones call out through the trunk to
/// a gateway, and the caller's account has controls. Refusals are 403 with the rule in the reason phrase, are counted,
/// and are logged once per account and hour (on the switch's manual clock).
/// </summary>
public sealed class FraudControlTests : IDisposable
{
    private const string International = "011442071234567"; // the UK: 30 mills a minute, 50 to connect (TestTariff)
    private const string Domestic = "2125551234"; // 60 mills a minute, by the minute
    private const string Premium = "19005551234";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1)); // a hang fails the test, never times it
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task InternationalCalls_TheThirdWhileTwoAreUp_Refused403NamingTheRule_AndAllowedAgainOnceOneEnds()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new HookedSwitch(_clock, gateway.Local, callerFraud: "\"maxInternationalCalls\": 2", maxOutgoing: 5);
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);

        var first = GatewayCalls.Answered(alice, gateway, International);
        GatewayCalls.Answered(alice, gateway, International);
        var refused = GatewayCalls.Refused(alice, International);

        Assert.Equal((403, "fraud control: max_international_calls 2 reached"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.Equal(2, fixture.Switch.ActiveCalls);
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedMaxInternationalCalls);
        GatewayCalls.Answered(alice, gateway, Domestic); // a domestic call is not counted against the international limit

        GatewayCalls.HangUp(alice, gateway, first);
        GatewayCalls.Answered(alice, gateway, International); // one ended: room for another
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedMaxInternationalCalls);
        fixture.WaitForCdrs(_guard.Token);
        var dispositions = CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1))
            .Select(c => c.Disposition).Order();
        Assert.Equal([CallDisposition.Answered, CallDisposition.RefusedByFraud], dispositions);
    }

    [Fact]
    public async Task BlockedClasses_PremiumAndInternationalRefused_OneLogLinePerAccountAndHour_EachRefusalCounted()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new HookedSwitch(_clock, gateway.Local, callerFraud: "\"blocked\": [\"premium\", \"international\"]", maxOutgoing: 5);
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);

        var premium = GatewayCalls.Refused(alice, Premium);
        var international = GatewayCalls.Refused(alice, International);
        GatewayCalls.Refused(alice, Premium);
        _clock.Advance(Duration.FromMinutes(59));
        GatewayCalls.Refused(alice, Premium);

        Assert.Equal((403, "fraud control: premium-rate numbers barred (blocked_classes)"), (premium.StatusCode, premium.Text(premium.ReasonPhrase)));
        Assert.Equal((403, "fraud control: international calls barred (blocked_classes)"), (international.StatusCode, international.Text(international.ReasonPhrase)));
        Assert.Equal((3L, 1L), (fixture.Hooks.Fraud.RefusedBlockedPremium, fixture.Hooks.Fraud.RefusedBlockedInternational));
        var line = Assert.Single(Lines(fixture));
        Assert.Equal("centrex: fraud control: account 16045550101: call to 19005551234 refused (403 fraud control: premium-rate numbers barred (blocked_classes)); " +
            "its next refusals are counted, not logged, until 2026-11-22T10:00:00Z", line);
        GatewayCalls.Answered(alice, gateway, Domestic); // what is not barred goes out

        _clock.Advance(Duration.FromMinutes(1)); // an hour after the first line: the next refusal is logged, with those in between counted
        GatewayCalls.Refused(alice, International);
        Assert.Equal(2, Lines(fixture).Length);
        Assert.Contains("(3 more refused since the last line)", Lines(fixture)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpendPerHour_ACallLastsOnlyWhatTheCapPays_TheNextIsRefused_AndAnHourLaterCallsGoOutAgain()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new HookedSwitch(_clock, gateway.Local, callerFraud: "\"maxSpendPerHour\": \"0.100\"", maxOutgoing: 5);
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);

        // 0.100 pays one minute at 0.060, not two: the switch ends the call at 60 s although the account has no credit limit.
        GatewayCalls.Answered(alice, gateway, Domestic);
        _clock.Advance(Duration.FromSeconds(60));
        Assert.Equal(SipMethod.Bye, alice.ReceiveRequest("BYE").Message.Method);
        Assert.Equal(0, fixture.Switch.ActiveCalls);

        var refused = GatewayCalls.Refused(alice, Domestic); // 0.060 spent: 0.040 left, less than a first minute
        Assert.Equal((403, "fraud control: max_spend_per_hour 0.100 reached"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedMaxSpendPerHour);

        _clock.Advance(Duration.FromMinutes(60)); // the charged call has left the rolling hour
        GatewayCalls.Answered(alice, gateway, Domestic);
        fixture.WaitForCdrs(_guard.Token);
        Assert.Equal(-60, fixture.Ledger.Store.Balance(HookedSwitch.Caller).Value); // the capped call was charged its one minute
    }

    private static string[] Lines(HookedSwitch fixture) => fixture.FraudLog;
}
