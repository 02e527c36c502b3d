using System.Diagnostics;
using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 15 with sipp phones: seed 004 Follow-me (Bob's numbers tried in order, each for its own ring time, on the
/// manual clock: extension 103 for 10 s, then an external number through the trunk, whose sipp gateway answers; the
/// call is Bob's forwarded call) and do not disturb set from the phone (seed 001: "User unavailable"; <c>*78</c> on:
/// a call to Bob gets 480 "Do Not Disturb" and his phone never rings; <c>*79</c> off: his phone rings and answers).
/// </summary>
public sealed class SippFollowMeDndTests : IDisposable
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";
    private const string External = "15145550100";
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task FollowMe_RingsTheExtensionForItsTime_ThenTheExternalNumber_WhichAnswersAsBobsForwardedCall()
    {
        var trunkPort = Sipp.FreeUdpPort();
        await using var fixture = new SwitchFixture(trunk: new IPEndPoint(IPAddress.Loopback, trunkPort), algorithms: "\"MD5\"", partitions: 1);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, forwarding: new Dictionary<string, LineForwarding>
        {
            [Bob] = new(ForwardWhen.Always, 20, Simultaneous: false, [new ForwardTarget("103", 10, []), new ForwardTarget(External, 30, [])]),
        }));

        var carolPort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, carolPort, "-s", Carol, "-au", Carol, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        var carol = new SippTrace(_logs.Path, "carol");
        var gateway = new SippTrace(_logs.Path, "gateway");
        var processes = new List<Process>();
        try
        {
            processes.Add(Sipp.Listen("uas-ring", fixture.Endpoint, carolPort, carol.Args));
            processes.Add(Sipp.Listen("uas-answer", fixture.Endpoint, trunkPort, gateway.Args));
            var alice = new SippTrace(_logs.Path, "alice");
            processes.Add(Sipp.Start("uac-call", fixture.Endpoint, Sipp.FreeUdpPort(), ["-s", "102", "-au", Alice, "-ap", SwitchFixture.Password, .. alice.Args]));

            carol.WaitFor("INVITE ");
            alice.WaitFor("SIP/2.0 180"); // the switch has Carol's 180: moving the clock retransmits nothing to her
            fixture.Clock.Advance(Duration.FromSeconds(9));
            fixture.Switch.Quiesce();
            gateway.Barrier(trunkPort);
            Assert.Empty(gateway.Received("INVITE ")); // 9 s: still the first number's turn

            fixture.Clock.Advance(Duration.FromSeconds(1));
            carol.WaitFor("CANCEL ");
            Assert.StartsWith($"INVITE sip:{External}@", gateway.WaitFor("INVITE "), StringComparison.Ordinal);

            foreach (var (name, process) in new[] { "carol", "gateway", "alice" }.Zip(processes))
            {
                var result = Sipp.Finish(process);
                Assert.True(result.ExitCode == 0, $"{name}: {result.Output}");
            }

            fixture.Switch.Quiesce();
            var cdr = Assert.Single(fixture.Cdrs.Ends);
            Assert.Equal((CallDisposition.Answered, true), (cdr.Disposition, cdr.Call.Forwarded)); // seed 001: Bob's forwarded call
        }
        finally
        {
            Stop(processes);
        }
    }

    [Fact]
    public async Task DoNotDisturb_Star78RefusesCallsWith480_AndStar79LetsThemRingAgain()
    {
        await using var fixture = new SwitchFixture(algorithms: "\"MD5\"", partitions: 1);
        var bobPort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, bobPort, "-s", Bob, "-au", Bob, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        var bob = new SippTrace(_logs.Path, "bob");
        var bobPhone = Sipp.Listen("uas-answer", fixture.Endpoint, bobPort, bob.Args);
        try
        {
            // Bob's phone dials *78 (from its other line key: its registered port is busy answering): 200, then BYE.
            var on = Sipp.Run("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "*78", "-au", Bob, "-ap", SwitchFixture.Password);
            Assert.True(on.ExitCode == 0, "*78: " + on.Output);

            var alice = new SippTrace(_logs.Path, "alice");
            var refused = Sipp.Run("uac-unavailable", fixture.Endpoint, Sipp.FreeUdpPort(), ["-s", "102", "-au", Alice, "-ap", SwitchFixture.Password, .. alice.Args]);
            Assert.True(refused.ExitCode == 0, "call while DND: " + refused.Output);
            Assert.StartsWith("SIP/2.0 480 Temporarily Unavailable (Do Not Disturb)", alice.WaitFor("SIP/2.0 480"), StringComparison.Ordinal);
            fixture.Switch.Quiesce();
            bob.Barrier(bobPort);
            Assert.Empty(bob.Received("INVITE ")); // his phone never rang

            var off = Sipp.Run("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "*79", "-au", Bob, "-ap", SwitchFixture.Password);
            Assert.True(off.ExitCode == 0, "*79: " + off.Output);
            var call = Sipp.Run("uac-call", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "102", "-au", Alice, "-ap", SwitchFixture.Password);
            Assert.True(call.ExitCode == 0, "call after *79: " + call.Output);
            var answered = Sipp.Finish(bobPhone);
            Assert.True(answered.ExitCode == 0, "bob: " + answered.Output);
        }
        finally
        {
            Stop([bobPhone]);
        }
    }

    private static void Stop(IEnumerable<Process> processes)
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
