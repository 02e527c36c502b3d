using System.Diagnostics;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Seed 004 Huntgroups, "Ringing Time, sec" per included extension, with sipp phones on the manual clock: an Order group
/// rings 201 for 10 s and then 202 for 25 s, then goes to its no-answer destination 203, which answers. Each step is
/// checked at its edge: one second before it nothing has moved (a barrier on the phone's socket makes "not yet" a
/// sound check), at it the ringing member gets CANCEL and the next one its INVITE.
/// </summary>
public sealed class SippHuntRingTimeTests : IDisposable
{
    private static readonly string[] Phones = ["201", "202", "203"];
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task AnOrderGroup_RingsEachMemberForItsOwnTime_ThenItsNoAnswerDestination()
    {
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: HuntLines.DirectoryJson(Phones));
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Sales", HuntSequence.Order, HuntCallerId.Keep, false, "203",
            [FeatureDirectory.Member(d, "acme", "201", ringSeconds: 10), FeatureDirectory.Member(d, "acme", "202", ringSeconds: 25)], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group]));

        var ports = Phones.ToDictionary(e => e, _ => Sipp.FreeUdpPort());
        var traces = Phones.ToDictionary(e => e, e => new SippTrace(_logs.Path, e));
        var processes = new List<Process>();
        try
        {
            foreach (var extension in Phones)
            {
                var line = HuntLines.Line(extension);
                var registered = Sipp.Run("register", fixture.Endpoint, ports[extension], "-s", line, "-au", line, "-ap", SwitchFixture.Password);
                Assert.True(registered.ExitCode == 0, registered.Output);
                processes.Add(Sipp.Listen(extension == "203" ? "uas-answer" : "uas-ring", fixture.Endpoint, ports[extension], traces[extension].Args));
            }

            var callerTrace = new SippTrace(_logs.Path, "caller");
            var caller = Sipp.Start("uac-call", fixture.Endpoint, Sipp.FreeUdpPort(), ["-s", "300", "-au", HuntLines.Caller, "-ap", SwitchFixture.Password, .. callerTrace.Args]);
            processes.Add(caller);

            // 0 s: 201 rings, nobody else. The caller heard its 180, so the switch has it: moving the clock retransmits nothing.
            traces["201"].WaitFor("INVITE ");
            callerTrace.WaitFor("SIP/2.0 180");
            AssertNothingYet(fixture, traces, ports, ("202", "INVITE "), ("203", "INVITE "));

            // 9 s: still 201 alone.
            fixture.Clock.Advance(Duration.FromSeconds(9));
            AssertNothingYet(fixture, traces, ports, ("201", "CANCEL "), ("202", "INVITE "));

            // 10 s, 201's ring time: 201 is cancelled and 202 rings.
            fixture.Clock.Advance(Duration.FromSeconds(1));
            traces["201"].WaitFor("CANCEL ");
            traces["202"].WaitFor("INVITE ");
            var cancelled = Sipp.Finish(processes[0]); // its 200 and 487 were taken (the switch ACKed): the next move retransmits no CANCEL
            Assert.True(cancelled.ExitCode == 0, "201: " + cancelled.Output);

            // 34 s, 24 s into 202's 25: still 202 alone.
            fixture.Clock.Advance(Duration.FromSeconds(24));
            AssertNothingYet(fixture, traces, ports, ("202", "CANCEL "), ("203", "INVITE "));

            // 35 s: 202 is cancelled and the group's no-answer destination rings and answers.
            fixture.Clock.Advance(Duration.FromSeconds(1));
            traces["202"].WaitFor("CANCEL ");
            traces["203"].WaitFor("INVITE ");

            var called = Sipp.Finish(caller);
            Assert.True(called.ExitCode == 0, "caller: " + called.Output);
            foreach (var (extension, process) in Phones.Zip(processes).Skip(1))
            {
                var result = Sipp.Finish(process);
                Assert.True(result.ExitCode == 0, $"{extension}: {result.Output}"); // 201 and 202 ended only after their CANCEL
            }

            Assert.Single(traces["201"].Received("INVITE "));
            Assert.Single(traces["202"].Received("INVITE "));
            fixture.Switch.Quiesce();
            Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
        }
        finally
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

    /// <summary>
    /// Once the switch has sent all that is due now, none of the phones named has received a message starting so: each
    /// phone's trace is read after a barrier, so anything the switch sent it is in the trace.
    /// </summary>
    private static void AssertNothingYet(SwitchFixture fixture, Dictionary<string, SippTrace> traces, Dictionary<string, int> ports,
        params (string Extension, string StartLine)[] expectations)
    {
        fixture.Switch.Quiesce();
        foreach (var (extension, startLine) in expectations)
        {
            traces[extension].Barrier(ports[extension]);
            Assert.True(traces[extension].Received(startLine).Count == 0, $"{extension} received {startLine.Trim()} too early");
        }
    }
}
