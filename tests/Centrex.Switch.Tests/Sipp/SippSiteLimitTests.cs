using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Seed 004 counts a site's simultaneous calls "in a connected state", with sipp phones against the switch wired as
/// <c>serve</c> wires it: calls ring beyond a limit while the connected calls leave room, and a burst of answers never
/// connects more calls than the limit (the answers that do not fit are released: the callee gets BYE, the caller 503).
/// </summary>
public sealed class SippSiteLimitTests : IDisposable
{
    private const int Calls = 3;
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task SiteWithOneOutgoingCall_ThreeCallsRingAtOnce_TheBurstOfAnswersConnectsOne_TheOthersAre503()
    {
        await using var fixture = new HookedSwitch(maxOutgoing: 1);
        var calleePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, calleePort, "-s", HookedSwitch.Callee, "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);

        // The callee rings each call 3 s, so all three are ringing (one holding the site's slot, two beyond it) before the
        // first answer; then the answers come within milliseconds of each other.
        using var callee = Sipp.Listen("uas-ring-answer", fixture.Endpoint, calleePort, "-m", Calls.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", "3000");
        var callers = Enumerable.Range(0, Calls).Select(_ => Sipp.Start("uac-call-or-full", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-d", "1000")).ToList();

        var (mostRinging, mostConnected) = (0, 0);
        while (callers.Any(c => !c.HasExited))
        {
            var usage = fixture.Hooks.Admission.Usage("hq");
            mostRinging = Math.Max(mostRinging, usage.BorrowingCalls);
            mostConnected = Math.Max(mostConnected, usage.ConnectedCalls);
            _guard.Token.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        foreach (var caller in callers)
        {
            var result = Sipp.Finish(caller);
            Assert.True(result.ExitCode == 0, "caller: " + result.Output);
            caller.Dispose();
        }

        Assert.True(Sipp.Finish(callee).ExitCode == 0, "callee");
        Assert.Equal(Calls - 1, mostRinging); // the seed's rule: a full site of ringing calls still lets calls ring
        Assert.Equal(1, mostConnected); // and never more connected calls than the limit
        fixture.WaitForCdrs(_guard.Token);
        Assert.True(fixture.Hooks.Admission.Usage("hq").IsIdle, fixture.Hooks.Admission.Usage("hq").ToString());
        var now = SystemClock.Instance.GetCurrentInstant();
        var dispositions = CdrStore.Read(fixture.Ledger.DataDirectory, now - Duration.FromDays(1), now + Duration.FromDays(1)).Select(c => c.Disposition).Order();
        Assert.Equal([CallDisposition.Answered, CallDisposition.RefusedByLimit, CallDisposition.RefusedByLimit], dispositions);
    }

    [Fact]
    public async Task SiteAtItsLimitOfConnectedCalls_TheNextCallIsRefusedAtItsInvite()
    {
        await using var fixture = new HookedSwitch(maxOutgoing: 1);
        var calleePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, calleePort, "-s", HookedSwitch.Callee, "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        using var callee = Sipp.Listen("uas-answer", fixture.Endpoint, calleePort);
        using var first = Sipp.Start("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password, "-d", "5000");
        while (fixture.Hooks.Admission.Usage("hq").ConnectedCalls == 0)
        {
            if (first.HasExited)
            {
                Assert.Fail("the first call ended before it was connected: " + Sipp.Finish(first).Output);
            }

            _guard.Token.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        var second = Sipp.Run("uac-site-full", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "102", "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);

        Assert.True(second.ExitCode == 0, "second: " + second.Output);
        Assert.Equal(0, fixture.Hooks.Admission.Usage("hq").BorrowingCalls); // refused, not ringing
        Assert.True(Sipp.Finish(first).ExitCode == 0, "first");
        Assert.True(Sipp.Finish(callee).ExitCode == 0, "callee");
    }
}
