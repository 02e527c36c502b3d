using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// sipp against a switch wired with the real call-control hooks (as <c>centrex serve --tariff</c> runs it): site
/// limits and balance authorization seen from a real SIP peer, CDRs in the real store and ledger.
/// </summary>
public sealed class SippHooksTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task Sipp_PrepaidAccountWithoutFunds_Refused402_AndTheAttemptIsRecorded()
    {
        await using var fixture = new HookedSwitch();

        var refused = Sipp.Run("uac-payment-required", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "2125551234", "-au", HookedSwitch.Prepaid, "-ap", SwitchFixture.Password);

        Assert.True(refused.ExitCode == 0, refused.Output);
        fixture.WaitForCdrs(_guard.Token);
        var now = SystemClock.Instance.GetCurrentInstant();
        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, now - Duration.FromDays(1), now + Duration.FromDays(1)));
        Assert.Equal((HookedSwitch.Prepaid, CallDisposition.RefusedByBalance, "12125551234"), (cdr.Account, cdr.Disposition, cdr.CalleeNormalized));
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);
    }

    [Fact]
    public async Task Sipp_SiteAtItsOutgoingLimit_TheNextCallGets503WithAWarningNamingTheLimit()
    {
        await using var fixture = new HookedSwitch();
        var calleePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, calleePort, "-s", HookedSwitch.Callee, "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);

        using var uas = Sipp.Listen("uas-answer", fixture.Endpoint, calleePort);

        // The first call holds the site's one outgoing slot for 5 s after the answer; the second is placed once the
        // first is seen connected, and must be refused while the first is still up.
        using var first = Sipp.Start("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-d", "5000");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (fixture.Hooks.Admission.Usage("hq").ConnectedCalls == 0 && !first.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Yield();
        }

        Assert.Equal(1, fixture.Hooks.Admission.Usage("hq").ConnectedCalls); // seed 004: limits count connected calls
        var second = Sipp.Run("uac-site-full", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);
        var firstResult = Sipp.Finish(first);
        var uasResult = Sipp.Finish(uas);

        Assert.True(second.ExitCode == 0, "second caller: " + second.Output);
        Assert.True(firstResult.ExitCode == 0, "first caller: " + firstResult.Output);
        Assert.True(uasResult.ExitCode == 0, "callee: " + uasResult.Output);
        fixture.WaitForCdrs(_guard.Token);
        Assert.True(fixture.Hooks.Admission.Usage("hq").IsIdle);
        var now = SystemClock.Instance.GetCurrentInstant();
        var dispositions = CdrStore.Read(fixture.Ledger.DataDirectory, now - Duration.FromDays(1), now + Duration.FromDays(1)).Select(c => c.Disposition).Order();
        Assert.Equal([CallDisposition.Answered, CallDisposition.RefusedByLimit], dispositions);
    }

    [Theory]
    [InlineData("uas-busy", "uac-busy", CallDisposition.Busy)]
    [InlineData("uas-ring", "uac-cancel", CallDisposition.Cancelled)]
    public async Task Sipp_CallThatEndsUnanswered_GivesItsSiteSlotBack(string callee, string caller, CallDisposition disposition)
    {
        await using var fixture = new HookedSwitch();
        var calleePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, calleePort, "-s", HookedSwitch.Callee, "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        using var uas = Sipp.Listen(callee, fixture.Endpoint, calleePort);

        var first = Sipp.Run(caller, fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);
        var uasResult = Sipp.Finish(uas);

        Assert.True(first.ExitCode == 0, "caller: " + first.Output);
        Assert.True(uasResult.ExitCode == 0, "callee: " + uasResult.Output);
        fixture.WaitForCdrs(_guard.Token);
        Assert.True(fixture.Hooks.Admission.Usage("hq").IsIdle, "the site slot was not released");
        var now = SystemClock.Instance.GetCurrentInstant();
        Assert.Equal(disposition, Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, now - Duration.FromDays(1), now + Duration.FromDays(1))).Disposition);
    }
}
