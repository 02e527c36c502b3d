using System.Diagnostics;
using System.Net;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Chargeable calls from a sipp phone out through the trunk to a sipp gateway, on a switch wired as
/// <c>centrex serve --tariff</c> wires it: the CDR is rated in real time and the balance moves; a prepaid call is cut
/// when its balance runs out; every call ends at 120 minutes (seed 001). The last two run on a manual clock, so two
/// hours pass in a step while sipp sees real SIP on loopback.
/// </summary>
public sealed class SippChargingTests : IDisposable
{
    private const string Dialed = "2125551234"; // North America: 60 mills a minute, by the minute (TestTariff)

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task Sipp_CallOutThroughTheTrunk_ItsCdrIsRatedAndTheBalanceMoves()
    {
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(trunk: new IPEndPoint(IPAddress.Loopback, gatewayPort));
        using var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);

        var caller = Sipp.Run("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", Dialed, "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-d", "1500");
        var gatewayResult = Sipp.Finish(gateway);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(ReadCdrs(fixture, SystemClock.Instance.GetCurrentInstant()));
        Assert.Equal((HookedSwitch.Caller, CallDisposition.Answered, "1" + Dialed), (cdr.Account, cdr.Disposition, cdr.CalleeNormalized));
        Assert.InRange(cdr.BillableSeconds, 1, 59);

        // One started minute at 60 mills: charged once, the credit account's balance below zero by exactly that.
        Assert.True(fixture.Ledger.ContainsCdr(cdr.Id), "the ledger has no charge for " + cdr.Id);
        Assert.Equal(new Mills(-60), fixture.Ledger.Store.Balance(HookedSwitch.Caller));
    }

    [Fact]
    public async Task Sipp_PrepaidCall_CutWithByeOnBothLegsWhenItsBalanceRunsOut()
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort));
        fixture.Ledger.TopUp(HookedSwitch.Prepaid, 1_000); // 16 whole minutes at 60 mills: 960 s, 40 mills left over

        var (caller, gateway) = StartAnsweredCall(fixture, gatewayPort, HookedSwitch.Prepaid);
        using (caller)
        using (gateway)
        {
            clock.Advance(Duration.FromSeconds(959));
            Assert.Equal(1, fixture.Switch.ConfirmedCalls); // one second of credit left: still talking

            clock.Advance(Duration.FromSeconds(1));
            AssertBothLegsReleased(fixture, caller, gateway);
        }

        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(ReadCdrs(fixture, clock.Now));
        Assert.Equal((HookedSwitch.Prepaid, CallDisposition.Answered, 960), (cdr.Account, cdr.Disposition, cdr.BillableSeconds));
        Assert.Equal(new Mills(40), fixture.Ledger.Store.Balance(HookedSwitch.Prepaid));
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);
    }

    [Fact]
    public async Task Sipp_CreditCall_EndsAt120MinutesRegardless()
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort));

        var (caller, gateway) = StartAnsweredCall(fixture, gatewayPort, HookedSwitch.Caller);
        using (caller)
        using (gateway)
        {
            clock.Advance(Duration.FromMinutes(120) - Duration.FromSeconds(1));
            Assert.Equal(1, fixture.Switch.ConfirmedCalls);

            clock.Advance(Duration.FromSeconds(1));
            AssertBothLegsReleased(fixture, caller, gateway);
        }

        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(ReadCdrs(fixture, clock.Now));
        Assert.Equal((HookedSwitch.Caller, CallDisposition.Answered, 7_200), (cdr.Account, cdr.Disposition, cdr.BillableSeconds));
        Assert.Equal(new Mills(-7_200), fixture.Ledger.Store.Balance(HookedSwitch.Caller)); // 120 minutes at 60 mills
    }

    [Fact]
    public async Task Sipp_SwitchStoppingMidCall_ByeOnBothLegs_AndTheCallIsRecordedAndChargedUpToTheStop()
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, new IPEndPoint(IPAddress.Loopback, gatewayPort));
        var (caller, gateway) = StartAnsweredCall(fixture, gatewayPort, HookedSwitch.Caller);
        using (caller)
        using (gateway)
        {
            clock.Advance(Duration.FromSeconds(90));

            await fixture.Switch.DisposeAsync(); // what serve does on SIGTERM, before the CDR stage drains

            var callerResult = Sipp.Finish(caller);
            var gatewayResult = Sipp.Finish(gateway);
            Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output);
            Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
        }

        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(ReadCdrs(fixture, clock.Now));
        Assert.Equal((CallDisposition.Answered, 90), (cdr.Disposition, cdr.BillableSeconds));
        Assert.Equal(new Mills(-120), fixture.Ledger.Store.Balance(HookedSwitch.Caller)); // two started minutes
    }

    [Fact]
    public async Task Sipp_LedgerCannotWrite_TheCallIsKeptUncharged_AndNewChargeableCallsGet503_But911GoesOut()
    {
        // A real ledger on a real small tmpfs, then filled until less than the ledger's 64 MiB reserve is free: its
        // next commit fails as on a full disk (the CDR store still has room for a few lines).
        using var folder = new TempFolder();
        using var disk = Centrex.Cli.Tests.Mount.Tmpfs(folder.File("disk"), "size=160m");
        var gatewayPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(trunk: new IPEndPoint(IPAddress.Loopback, gatewayPort), ledgerDirectory: disk.Path);
        using (var filler = File.Create(Path.Combine(disk.Path, "filler")))
        {
            var chunk = new byte[1 << 20];
            while (new DriveInfo(disk.Path).AvailableFreeSpace > 16L << 20)
            {
                filler.Write(chunk); // written, not sparse: tmpfs takes space only for pages that hold data
                filler.Flush();
            }
        }

        using var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);

        var answered = Sipp.Run("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", Dialed, "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-d", "100");
        var gatewayResult = Sipp.Finish(gateway);
        Assert.True(answered.ExitCode == 0, "caller: " + answered.Output);
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
        fixture.WaitForCdrs(_guard.Token); // the sink acknowledges what it kept even though it could not charge it

        Assert.Equal((1L, 0L, 1L), (fixture.Hooks.Sink.Counters.Stored, fixture.Hooks.Sink.Counters.Charged, fixture.Hooks.Sink.Counters.Uncharged));
        Assert.StartsWith("the ledger cannot write", fixture.Hooks.Sink.Health.Fault, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);

        // Fail closed: the next chargeable call is refused with the reason, and that attempt is recorded too.
        var refused = Sipp.Run("uac-charging-unavailable", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", Dialed, "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);
        Assert.True(refused.ExitCode == 0, "refused caller: " + refused.Output);
        fixture.WaitForCdrs(_guard.Token);
        var dispositions = ReadCdrs(fixture, SystemClock.Instance.GetCurrentInstant()).Select(c => c.Disposition).Order();
        Assert.Equal([CallDisposition.Answered, CallDisposition.RefusedByBalance], dispositions);

        // Emergency calls still go out (issue 14): never charged, there is nothing to fail closed on. With no emergency
        // trunk provisioned, 911 leaves by the customer's trunk, this gateway.
        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);
        var emergency = Sipp.Run("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "911", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-d", "100");
        Assert.True(emergency.ExitCode == 0, "911 caller: " + emergency.Output);
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
    }

    /// <summary>A sipp gateway that answers, and a sipp phone that calls out and never hangs up; returns once both
    /// parties are talking (the caller's ACK reached the switch).</summary>
    private (Process Caller, Process Gateway) StartAnsweredCall(HookedSwitch fixture, int gatewayPort, string account)
    {
        var gateway = Sipp.Listen("uas-answer", fixture.Endpoint, gatewayPort);
        var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", Dialed, "-au", account, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, gateway, "gateway", _guard.Token);

        return (caller, gateway);
    }

    /// <summary>The switch sent BYE to both parties, and both sipp scenarios (which end on a received BYE) passed.</summary>
    private static void AssertBothLegsReleased(HookedSwitch fixture, Process caller, Process gateway)
    {
        var callerResult = Sipp.Finish(caller);
        var gatewayResult = Sipp.Finish(gateway);
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output);
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    private static IReadOnlyList<SwitchCdr> ReadCdrs(HookedSwitch fixture, Instant around) =>
        CdrStore.Read(fixture.Ledger.DataDirectory, around - Duration.FromDays(1), around + Duration.FromDays(1)).ToList();
}
