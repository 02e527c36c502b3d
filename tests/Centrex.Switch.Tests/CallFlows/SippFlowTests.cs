using System.Net;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;
using SippRunner = Centrex.Switch.Tests.Sipp.Sipp;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Issue 15 against sipp phones: a DID whose call flow rings a simultaneous hunt group of three (one answers, the other
/// two get CANCEL), and <c>*73</c> unconditional forwarding to an external number through a sipp trunk, where the call
/// becomes the forwarding line's (seed 001: charged to it, counted as forwarded).
/// </summary>
public sealed class SippFlowTests
{
    private const string Did = "16045550100";
    private static readonly string[] Lines = ["16045550101", "16045550102", "16045550103"];

    private static void Register(SwitchFixture fixture, string account, int port)
    {
        var registered = SippRunner.Run("register", fixture.Endpoint, port, "-s", account, "-au", account, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
    }

    [Fact]
    public async Task DidFlowToASimultaneousGroupOfThree_OneAnswersAndTheOthersGetCancel()
    {
        var trunkPort = SippRunner.FreeUdpPort();
        await using var fixture = new SwitchFixture(trunk: new IPEndPoint(IPAddress.Loopback, trunkPort), algorithms: "\"MD5\""); // sipp answers MD5 challenges only
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "200", "Sales", HuntSequence.Simultaneous, HuntCallerId.GroupName, true, null,
            [FeatureDirectory.Member(d, "acme", "101"), FeatureDirectory.Member(d, "acme", "102"), FeatureDirectory.Member(d, "acme", "103")], []);
        var flow = new FlowDefinition("main", "acme", [Did], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=hours"),
            FeatureDirectory.Node("hours", "time-routing", "hours=mon-sun 00:00-23:59", "true=sales;false=sales"),
            FeatureDirectory.Node("sales", "hunt-group", "group=200")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], [flow]));
        var ports = Lines.Select(_ => SippRunner.FreeUdpPort()).ToArray();
        for (var i = 0; i < Lines.Length; i++)
        {
            Register(fixture, Lines[i], ports[i]);
        }

        using var answers = SippRunner.Listen("uas-answer", fixture.Endpoint, ports[1]);
        using var ringsA = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[0]);
        using var ringsB = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[2]);
        var caller = SippRunner.Run("uac-trunk-call", fixture.Endpoint, trunkPort, "-s", Did, "-d", "100");

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        foreach (var (name, phone) in new[] { ("answering", answers), ("ringing 101", ringsA), ("ringing 103", ringsB) })
        {
            var result = SippRunner.Finish(phone);
            Assert.True(result.ExitCode == 0, $"{name} phone: {result.Output}"); // uas-ring ends only after its CANCEL
        }

        var end = Assert.Single(fixture.Cdrs.Ends);
        Assert.Equal(CallDisposition.Answered, end.Disposition);
        Assert.False(end.Call.Forwarded);
        Assert.Equal(Lines[1], end.AnsweredBy);
    }

    [Fact]
    public async Task ASimultaneousGroupOfThree_TheSecondAnswers_TheStoredCdrNamesThatMember()
    {
        // Wired as `centrex serve` wires it (CDRs to DATA/cdrs): the CDR's account is the DID's line (102, the line the
        // flow answers for), and its trailing answered_by column names the member whose phone answered (103 here).
        var trunkPort = SippRunner.FreeUdpPort();
        var trunk = new IPEndPoint(IPAddress.Loopback, trunkPort);
        await using var fixture = new HookedSwitch(trunk: trunk, directoryJson: SwitchFixture.DirectoryJson(trunk, "\"MD5\""));
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "200", "Sales", HuntSequence.Simultaneous, HuntCallerId.GroupName, true, null,
            [FeatureDirectory.Member(d, "acme", "101"), FeatureDirectory.Member(d, "acme", "103"), FeatureDirectory.Member(d, "acme", "102")], []);
        var flow = new FlowDefinition("main", "acme", [Did], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=sales"),
            FeatureDirectory.Node("sales", "hunt-group", "group=200")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], [flow]));
        string[] members = [Lines[0], Lines[2], Lines[1]]; // the group's order: 101, 103, 102
        var ports = members.Select(_ => SippRunner.FreeUdpPort()).ToArray();
        for (var i = 0; i < members.Length; i++)
        {
            var registered = SippRunner.Run("register", fixture.Endpoint, ports[i], "-s", members[i], "-au", members[i], "-ap", SwitchFixture.Password);
            Assert.True(registered.ExitCode == 0, registered.Output);
        }

        using var ringsA = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[0]);
        using var answers = SippRunner.Listen("uas-answer", fixture.Endpoint, ports[1]);
        using var ringsC = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[2]);
        var caller = SippRunner.Run("uac-trunk-call", fixture.Endpoint, trunkPort, "-s", Did, "-d", "100");

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        foreach (var (name, phone) in new[] { ("ringing 101", ringsA), ("answering 103", answers), ("ringing 102", ringsC) })
        {
            var result = SippRunner.Finish(phone);
            Assert.True(result.ExitCode == 0, $"{name} phone: {result.Output}");
        }

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        fixture.WaitForCdrs(guard.Token);
        var now = SystemClock.Instance.GetCurrentInstant();
        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, now - Duration.FromDays(1), now + Duration.FromDays(1)));
        Assert.Equal((CallDisposition.Answered, Lines[1], Lines[2]), (cdr.Disposition, cdr.Account, cdr.AnsweredBy));
    }

    [Fact]
    public async Task Star73ToAnExternalNumber_GoesOutTheTrunkAsTheForwardingLinesCall()
    {
        var trunkPort = SippRunner.FreeUdpPort();
        await using var fixture = new SwitchFixture(trunk: new IPEndPoint(IPAddress.Loopback, trunkPort), algorithms: "\"MD5\""); // sipp answers MD5 challenges only
        using var alice = new TestPhone(fixture.Endpoint, Lines[0]);
        Assert.Equal(200, Support.Flows.Register(alice).StatusCode);

        // *73 NUMBER (seed 000): answered 200 and released; effective at once.
        Support.Flows.Invite(alice, "*7315145550100");
        var ok = alice.ReceiveResponse(200);
        alice.Send(Support.Flows.InDialog(alice, ok, "ACK", 2));
        var bye = alice.ReceiveRequest("BYE").Message;
        alice.Send(alice.Response(bye, 200, "OK", string.Empty));

        using var pstn = SippRunner.Listen("uas-answer", fixture.Endpoint, trunkPort);
        var caller = SippRunner.Run("uac-call", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", "101", "-au", Lines[1], "-ap", SwitchFixture.Password);
        var gateway = SippRunner.Finish(pstn);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(gateway.ExitCode == 0, "trunk: " + gateway.Output);
        var forwarded = fixture.Cdrs.Ends.Single(e => e.Call.Dialed == "101");
        Assert.Equal(CallDisposition.Answered, forwarded.Disposition);
        Assert.Equal((Lines[0], "15145550100", Switch.Calls.CallDirection.Outgoing, true), (forwarded.Call.AccountId, forwarded.Call.Normalized, forwarded.Call.Direction, forwarded.Call.Forwarded));
    }

    [Fact]
    public async Task Star73_TheForwardedCallIsRatedAndChargedToTheForwardingLine()
    {
        // Wired as `centrex serve --tariff` wires it: real rating, real ledger (seed 001 "How are forwarded calls billed?").
        var gatewayPort = SippRunner.FreeUdpPort();
        await using var fixture = new HookedSwitch(trunk: new IPEndPoint(IPAddress.Loopback, gatewayPort));
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);
        Assert.Equal(200, Support.Flows.Register(alice).StatusCode);
        Support.Flows.Invite(alice, "*732125551234"); // North America: 60 mills a minute (TestTariff)
        var ok = alice.ReceiveResponse(200);
        alice.Send(Support.Flows.InDialog(alice, ok, "ACK", 2));
        var bye = alice.ReceiveRequest("BYE").Message;
        alice.Send(alice.Response(bye, 200, "OK", string.Empty));

        using var gateway = SippRunner.Listen("uas-answer", fixture.Endpoint, gatewayPort);
        var caller = SippRunner.Run("uac-call", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", "101", "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);
        var gatewayResult = SippRunner.Finish(gateway);
        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        fixture.WaitForCdrs(guard.Token);
        var now = SystemClock.Instance.GetCurrentInstant();
        var cdr = CdrStore.Read(fixture.Ledger.DataDirectory, now - Duration.FromDays(1), now + Duration.FromDays(1)).Single(c => c.CalleeDialed == "101");
        Assert.Equal((HookedSwitch.Caller, "12125551234", true, true), (cdr.Account, cdr.CalleeNormalized, cdr.Forwarded, cdr.IsChargeable));
        Assert.True(fixture.Ledger.ContainsCdr(cdr.Id), "the ledger has no charge for " + cdr.Id);
        Assert.Equal(new Mills(-60), fixture.Ledger.Store.Balance(HookedSwitch.Caller)); // one started minute, on the forwarder
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(HookedSwitch.Callee)); // the caller pays nothing for a call to a line
    }
}
