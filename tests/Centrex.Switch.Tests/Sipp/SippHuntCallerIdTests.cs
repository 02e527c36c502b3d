using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Seed 004 Huntgroups, "Caller ID" (what the members' phones show), with sipp phones: hunt group 300 "Sales" rings
/// member 201, whose sipp answers and traces the INVITE it got. The caller is a line of the customer (extension 101,
/// whose phone names its user "Alice Martin") dialing 300, or an outside caller the trunk names "Jean Tremblay"
/// (15145550199) calling a DID whose flow rings the group. As the README's provisioning table says: <c>keep</c> shows
/// the caller's own From (the name its phone or trunk gave, and its number: a line's account id between lines of one
/// customer, the outside number from the trunk); <c>group-name</c> the group's name with the caller's number;
/// <c>group</c> the group's name and its number.
/// </summary>
public sealed class SippHuntCallerIdTests : IDisposable
{
    private const string Did = "16045550100";
    private const string Member = "16045550201";
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Theory]
    [InlineData("line", HuntCallerId.Keep, "From: \"Alice Martin\" <sip:16045550101@")]
    [InlineData("line", HuntCallerId.GroupName, "From: \"Sales\" <sip:16045550101@")]
    [InlineData("line", HuntCallerId.Group, "From: \"Sales\" <sip:300@")]
    [InlineData("trunk", HuntCallerId.Keep, "From: \"Jean Tremblay\" <sip:15145550199@")]
    [InlineData("trunk", HuntCallerId.GroupName, "From: \"Sales\" <sip:15145550199@")]
    [InlineData("trunk", HuntCallerId.Group, "From: \"Sales\" <sip:300@")]
    public async Task TheMember_SeesTheCallerIdTheGroupIsSetTo(string caller, HuntCallerId callerId, string expectedFrom)
    {
        var trunkPort = Sipp.FreeUdpPort();
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, trunkPort)));
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Sales", HuntSequence.Simultaneous, callerId, true, null, [FeatureDirectory.Member(d, "acme", "201")], []);
        var flow = new FlowDefinition("main", "acme", [Did], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=sales"),
            FeatureDirectory.Node("sales", "hunt-group", "group=300")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], [flow]));

        var memberPort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, memberPort, "-s", Member, "-au", Member, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        var trace = new SippTrace(_logs.Path, "member");
        using var member = Sipp.Listen("uas-answer", fixture.Endpoint, memberPort, trace.Args);

        var call = caller == "line"
            ? Sipp.Run("uac-call-named", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "300", "-au", HuntLines.Caller, "-ap", SwitchFixture.Password)
            : Sipp.Run("uac-trunk-call-named", fixture.Endpoint, trunkPort, "-s", Did, "-d", "100");
        Assert.True(call.ExitCode == 0, "caller: " + call.Output);
        var answered = Sipp.Finish(member);
        Assert.True(answered.ExitCode == 0, "member: " + answered.Output);

        var from = SippTrace.Header(trace.WaitFor("INVITE "), "From");
        Assert.NotNull(from);
        Assert.StartsWith(expectedFrom, from, StringComparison.Ordinal);
        fixture.Switch.Quiesce();
        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    /// <summary>Lines 101 (the caller) and 201 (the member), the DID, and the trunk the outside caller's sipp sends from.</summary>
    private static string DirectoryJson(IPEndPoint trunk)
    {
        static string Account(string id, string extension) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{extension}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office", "maxCalls": 30 } ],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(HuntLines.Caller, "101")}}, {{Account(Member, "201")}} ],
          "dids": [ { "number": "{{Did}}", "account": "{{HuntLines.Caller}}" } ]
        }
        """;
    }
}
