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

    /// <summary>A simultaneous group 200 of <paramref name="members"/> (in that order), which shows the caller the group's name.</summary>
    private static HuntGroupPlan GroupOfThree(Switch.Provisioning.ISwitchDirectory d, params string[] members) =>
        new("acme", "200", "Sales", HuntSequence.Simultaneous, HuntCallerId.GroupName, true, null,
            [.. members.Select(extension => FeatureDirectory.Member(d, "acme", extension))], []);

    /// <summary><paramref name="phone"/> dials <c>*73</c> to <paramref name="number"/> (seed 000): answered 200 and released; effective at once.</summary>
    private static void Star73(TestPhone phone, string number)
    {
        Assert.Equal(200, Support.Flows.Register(phone).StatusCode);
        Support.Flows.Dial(phone, "*73" + number);
    }

    [Fact]
    public async Task DidFlowToASimultaneousGroupOfThree_OneAnswersAndTheOthersGetCancel()
    {
        var trunkPort = SippRunner.FreeUdpPort();
        await using var fixture = new SwitchFixture(trunk: new IPEndPoint(IPAddress.Loopback, trunkPort), algorithms: "\"MD5\""); // sipp answers MD5 challenges only
        var d = fixture.Directory;
        var group = GroupOfThree(d, "101", "102", "103");
        var flow = new FlowDefinition("main", "acme", [Did], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=hours"),
            FeatureDirectory.Node("hours", "time-routing", "hours=mon-sun 00:00-23:59", "true=sales;false=sales"),
            FeatureDirectory.Node("sales", "hunt-group", "group=200")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], [flow]));
        var ports = Lines.Select(_ => SippRunner.FreeUdpPort()).ToArray();
        SippPhones.Register(fixture.Endpoint, Lines, ports);

        using var answers = SippRunner.Listen("uas-answer", fixture.Endpoint, ports[1]);
        using var ringsA = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[0]);
        using var ringsB = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[2]);
        var caller = SippRunner.Run("uac-trunk-call", fixture.Endpoint, trunkPort, "-s", Did, "-d", "100");

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        SippPhones.Finish(("answering", answers), ("ringing 101", ringsA), ("ringing 103", ringsB)); // uas-ring ends only after its CANCEL

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
        var group = GroupOfThree(d, "101", "103", "102");
        var flow = new FlowDefinition("main", "acme", [Did], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=sales"),
            FeatureDirectory.Node("sales", "hunt-group", "group=200")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], [flow]));
        string[] members = [Lines[0], Lines[2], Lines[1]]; // the group's order: 101, 103, 102
        var ports = members.Select(_ => SippRunner.FreeUdpPort()).ToArray();
        SippPhones.Register(fixture.Endpoint, members, ports);

        using var ringsA = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[0]);
        using var answers = SippRunner.Listen("uas-answer", fixture.Endpoint, ports[1]);
        using var ringsC = SippRunner.Listen("uas-ring", fixture.Endpoint, ports[2]);
        var caller = SippRunner.Run("uac-trunk-call", fixture.Endpoint, trunkPort, "-s", Did, "-d", "100");

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        SippPhones.Finish(("ringing 101", ringsA), ("answering 103", answers), ("ringing 102", ringsC));

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
        Star73(alice, "15145550100");

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
        Star73(alice, "2125551234"); // North America: 60 mills a minute (TestTariff)

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
