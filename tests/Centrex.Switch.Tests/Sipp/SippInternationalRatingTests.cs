using System.Net;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 13, item 1: international numbers dialed with 011 from a North American dial plan are held and charged at
/// their own tariff row, whatever their length. The switch normalizes them to E.164 once; the rater must not apply
/// North American dialing a second time (a 10-digit +881 6 number was taken for 1-881-6…, a domestic call, so its
/// hold was 120 minutes of domestic money and its charge a domestic minute).
/// </summary>
public sealed class SippInternationalRatingTests : IDisposable
{
    private const long TopUp = 100_000; // $100.000 on the prepaid account

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    /// <summary>
    /// Each case: the number dialed, its E.164 digits, the hold (the money of the longest call the balance buys, capped
    /// at 120 minutes) and the charge of a 61-second call, both from <see cref="TestTariff"/>'s row for it.
    /// </summary>
    [Theory]
    [InlineData("0118816123456", "8816123456", 100_000, 5_000)] // 10 digits, Thuraya $2.50/min by the minute: 40 minutes; 2 minutes
    [InlineData("01149301234567", "49301234567", 12_000, 200)] // 11 digits, Germany $0.10/min: 120 minutes; 2 minutes
    [InlineData("011442071234567", "442071234567", 3_650, 83)] // 12 digits, UK $0.03/min 30/6 + $0.05: 120 minutes; 66 s + connect
    public async Task Sipp_InternationalCallThroughTheTrunk_IsHeldAndChargedAtItsOwnRow(string dialed, string e164, long held, long charge)
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort));
        fixture.Ledger.TopUp(HookedSwitch.Prepaid, TopUp);

        using var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", dialed, "-au", HookedSwitch.Prepaid, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, gateway, "gateway", _guard.Token);

        Assert.Equal(new Mills(held), fixture.Hooks.Balance.Held(HookedSwitch.Prepaid));

        clock.Advance(Duration.FromSeconds(61));
        await fixture.Switch.DisposeAsync(); // ends the call with BYE on both legs, billed up to now
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(gateway).ExitCode == 0, "gateway");

        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, clock.Now - Duration.FromDays(1), clock.Now + Duration.FromDays(1)));
        Assert.Equal((CallDisposition.Answered, e164, 61), (cdr.Disposition, cdr.CalleeNormalized, cdr.BillableSeconds));
        Assert.Equal(new Mills(TopUp - charge), fixture.Ledger.Store.Balance(HookedSwitch.Prepaid));
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);

        // cdr export hands the same E.164 number on, so re-rating the export prices it the same way.
        using var export = new MemoryStream();
        CdrExport.Write([cdr], export);
        Assert.Contains($",+{e164},", System.Text.Encoding.UTF8.GetString(export.ToArray()), StringComparison.Ordinal);
    }
}
