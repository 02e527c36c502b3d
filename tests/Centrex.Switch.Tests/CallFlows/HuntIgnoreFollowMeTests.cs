using System.Diagnostics;
using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using SippRunner = Centrex.Switch.Tests.Sipp.Sipp;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 004 Huntgroups, "Ignore Follow-me/Voicemail – disable forwarding (voicemail, follow-me) on the specific extension
/// for calls made to this huntgroup". Extensions 201 and 203 both forward every call to 205. In simultaneous group 300,
/// 201 ignores follow-me and 203 does not: a call to the group rings 201's own phone and, for 203, 205 (203's phone
/// never rings). A call dialed to 201 directly still follows its forwarding: the flag is only for the group's calls.
/// Phones are sipp (201 rings until cancelled, 205 answers); 203 is a registered test phone that must get nothing.
/// </summary>
public sealed class HuntIgnoreFollowMeTests
{
    private const string Caller = "16045550101";

    [Fact]
    public async Task AGroupCall_RingsTheMemberThatIgnoresFollowMe_AndFollowsTheOtherMembersForwarding()
    {
        await using var fixture = Fixture();
        using var member203 = RegisteredTestPhone(fixture, "203");
        using var rings201 = Listen(fixture, "201", "uas-ring");
        using var answers205 = Listen(fixture, "205", "uas-answer");

        var caller = SippRunner.Run("uac-call", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", "300", "-au", Caller, "-ap", SwitchFixture.Password);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        var answered = SippRunner.Finish(answers205);
        Assert.True(answered.ExitCode == 0, "203's forwarding rang 205, which answered: " + answered.Output);
        var rang = SippRunner.Finish(rings201);
        Assert.True(rang.ExitCode == 0, "201 ignores follow-me: its own phone rang, then got CANCEL: " + rang.Output);
        // Its INVITE would have left with the other legs', long before the call ended: the socket would hold it now.
        Assert.DoesNotContain(member203.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    [Fact]
    public async Task ACallDialedToTheMemberDirectly_StillFollowsItsForwarding()
    {
        await using var fixture = Fixture();
        using var member201 = RegisteredTestPhone(fixture, "201");
        using var answers205 = Listen(fixture, "205", "uas-answer");

        var caller = SippRunner.Run("uac-call", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", "201", "-au", Caller, "-ap", SwitchFixture.Password);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(SippRunner.Finish(answers205).ExitCode == 0, "201's forwarding rang 205");
        Assert.DoesNotContain(member201.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
    }

    private static SwitchFixture Fixture()
    {
        var fixture = new SwitchFixture(partitions: 1, directoryJson: DirectoryJson());
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Sales", HuntSequence.Simultaneous, HuntCallerId.Keep, true, null,
            [FeatureDirectory.Member(d, "acme", "201", ignoreFollowMe: true), FeatureDirectory.Member(d, "acme", "203")], []);
        var toDesk = new LineForwarding(ForwardWhen.Always, 20, false, [new ForwardTarget("205", 20, [])]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group],
            forwarding: new Dictionary<string, LineForwarding> { [Line("201")] = toDesk, [Line("203")] = toDesk }));
        return fixture;
    }

    private static TestPhone RegisteredTestPhone(SwitchFixture fixture, string extension)
    {
        var phone = new TestPhone(fixture.Endpoint, Line(extension));
        Assert.Equal(200, Steps.Register(phone).StatusCode);
        return phone;
    }

    private static Process Listen(SwitchFixture fixture, string extension, string scenario)
    {
        var port = SippRunner.FreeUdpPort();
        var registered = SippRunner.Run("register", fixture.Endpoint, port, "-s", Line(extension), "-au", Line(extension), "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        return SippRunner.Listen(scenario, fixture.Endpoint, port);
    }

    private static string Line(string extension) => "1604555" + extension.PadLeft(4, '0');

    private static string DirectoryJson()
    {
        string Account(string id, string extension) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{extension}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var lines = string.Join(", ", new[] { "201", "203", "205" }.Select(e => Account(Line(e), e)));
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office", "maxCalls": 30 } ],
          "trunks": [ { "id": "pstn", "address": "{{new IPEndPoint(IPAddress.Loopback, 9)}}", "sources": ["{{new IPEndPoint(IPAddress.Loopback, 9)}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Caller, "101")}}, {{lines}} ]
        }
        """;
    }
}
