using System.Net;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Switch.Clock;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 16: a call is charged with the tariff in force when its INVITE arrived, the instant its authorization chose
/// its tariff at. Here a sipp caller dials North America at T; an operator's new tariff, which has no North America
/// row, takes effect at T + 30 s while the trunk (a phone on a socket) rings; the trunk answers at T + 45 s and the call
/// lasts 30 s. It is charged one minute at the tariff it was authorized with (60 mills); before, it was rated
/// with the new tariff at its answer, found no row, and was never charged.
/// </summary>
public sealed class SippTariffAtCallStartTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task ATariffActivatedWhileTheCallRings_DoesNotRateIt_TheTariffAtTheInviteDoes()
    {
        // The switch's clock starts at the real time: the authorization may still read the system clock for its tariff,
        // and must find the tariff of the INVITE either way (the new one is 30 s away, the test takes a few).
        var start = Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds());
        var clock = new ManualSwitchClock(start);
        var root = new Rater(TestTariff.Tariff, NumberingPlan.Default);
        var withoutNorthAmerica = TariffLoader.FromRows([new TariffRow("44", "United Kingdom", new MicroDollars(30_000), new MicroDollars(0), 60, 60)]);
        root.Schedule = new TariffSchedule(root, [((start + Duration.FromSeconds(30)).ToUnixTimeSeconds(), withoutNorthAmerica)]);

        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new HookedSwitch(clock, gateway.Local, rater: root);
        gateway.Retarget(fixture.Endpoint);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "2125551234", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);

        var invite = Flows.Ring(gateway, "gw1");
        // The switch has taken the 180 before the clock moves: until then the INVITE's Timer B (64*T1 = 32 s, RFC 3261
        // §17.1.1.2) runs, and 45 s on the clock fire it, ending the call no-answer (408) before the 200 is sent, which
        // then gets no ACK (on a loaded host, 1 run in 20; a run that advances before sending the 180 does it every time).
        Flows.Sync(gateway, fixture.Switch);
        clock.Advance(Duration.FromSeconds(45)); // the new tariff is in force when the call is answered (before the no-answer timeout)
        gateway.Send(gateway.Response(invite, 200, "OK", "gw1", Flows.Sdp));
        gateway.ReceiveRequest("ACK");
        clock.Advance(Duration.FromSeconds(30));
        await fixture.Switch.DisposeAsync(); // ends the call with BYE both ways
        var called = Sipp.Finish(caller);
        Assert.True(called.ExitCode == 0, "caller: " + called.Output);

        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(Centrex.Switch.Cdrs.CdrStore.Read(fixture.Ledger.DataDirectory, start - Duration.FromDays(1), start + Duration.FromDays(1)));
        // Answered at +45 s (the 200's arrival, stamped before the switch's ACK goes out: the gateway's ACK lets this test
        // advance the clock at once) and ended at +75 s.
        Assert.True(cdr.BillableSeconds == 30, $"cdr: answer {cdr.Answer - start} end {cdr.End - start} {cdr.Disposition}");
        Assert.True(fixture.Ledger.ContainsCdr(cdr.Id), "the call was never charged");
        Assert.Equal(new Mills(-60), fixture.Ledger.Store.Balance(HookedSwitch.Caller)); // one started minute at 60 mills
    }
}
