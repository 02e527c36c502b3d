using System.Diagnostics;
using System.Globalization;
using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Seed 004, "configure multiple pickup groups", literally and with every phone a sipp process: two offices share a
/// secretary. Huntgroup 88 (Sales Department, Order) holds 222, 333 and the secretary's 999, primary for 222 and 333;
/// huntgroup 99 (Support Department, Random) holds 444, 555 and 999, primary for all three; both allow pickup; the
/// Group Pickup Prefix is <c>*77</c>. An incoming call (from the trunk, to the extension's DID) rings one extension;
/// the secretary dials the prefix, the rung phone gets CANCEL, and the caller is answered by the secretary: its 200
/// carries her SDP (her media port), and the call's one CDR is answered by her line. The seed's closing sentence has
/// her dial <c>*7788</c> for a call to 444 and <c>*77</c> for one to 222, which its own configuration contradicts (444
/// is in 99, her primary group; 222 only in 88): the configuration is what the prefixes act on, so <c>*7788</c> while
/// 444 rings is 404 "nothing is ringing in group 88", and <c>*77</c> then picks the call up.
/// </summary>
public sealed class SippGroupPickupTests : IDisposable
{
    private static readonly string[] Extensions = ["222", "333", "444", "555", "999"];
    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Theory]
    [InlineData("222", "*7788")] // 88 is not her primary group: the group's number is needed
    [InlineData("444", "*77")]   // 99 is her primary group: the prefix alone
    public async Task TheSecretary_PicksUpACallRingingAColleague_AndTheCallerTalksToHer(string ringing, string dialed)
    {
        var trunkPort = Sipp.FreeUdpPort();
        await using var fixture = Fixture(trunkPort);
        var ports = Extensions.ToDictionary(e => e, _ => Sipp.FreeUdpPort());
        foreach (var extension in Extensions)
        {
            Register(fixture, extension, ports[extension]); // every phone of both offices is up
        }

        var phones = new Dictionary<string, Process>();
        try
        {
            var rung = new SippTrace(_logs.Path, ringing);
            phones[ringing] = Sipp.Listen("uas-ring", fixture.Endpoint, ports[ringing], rung.Args); // rings until cancelled
            var callerTrace = new SippTrace(_logs.Path, "caller");
            phones["caller"] = Sipp.Start("uac-trunk-call", fixture.Endpoint, trunkPort, ["-s", Did(ringing), "-d", "300", .. callerTrace.Args]);
            callerTrace.WaitFor("SIP/2.0 180"); // the caller hears it ring

            var secretaryMedia = Sipp.FreeUdpRange(4);
            var secretary = Sipp.Start("uac-call-until-bye", fixture.Endpoint, ports["999"],
                "-s", dialed, "-au", Line("999"), "-ap", SwitchFixture.Password, "-mp", secretaryMedia.ToString(CultureInfo.InvariantCulture));
            phones["999"] = secretary;

            var caller = Sipp.Finish(phones["caller"]); // answered, talks 300 ms, hangs up
            Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
            var ok = callerTrace.WaitFor("SIP/2.0 200");
            Assert.Contains($"m=audio {secretaryMedia} ", ok, StringComparison.Ordinal); // the caller talks to the secretary's phone
            var rang = Sipp.Finish(phones[ringing]);
            Assert.True(rang.ExitCode == 0, $"{ringing} rang and got CANCEL: {rang.Output}");
            var picked = Sipp.Finish(secretary);
            Assert.True(picked.ExitCode == 0, "the secretary was answered and got the caller's BYE: " + picked.Output);

            fixture.Switch.Quiesce();
            var cdr = Assert.Single(fixture.Cdrs.Ends);
            Assert.Equal((Line("999"), CallDisposition.Answered), (cdr.Call.CalleeAccountId, cdr.Disposition));
        }
        finally
        {
            Stop(phones.Values);
        }
    }

    [Fact]
    public async Task TheSeedsClosingSentence_Star7788ForACallTo444_Is404_AndStar77PicksItUp()
    {
        var trunkPort = Sipp.FreeUdpPort();
        await using var fixture = Fixture(trunkPort);
        var ports = Extensions.ToDictionary(e => e, _ => Sipp.FreeUdpPort());
        foreach (var extension in Extensions)
        {
            Register(fixture, extension, ports[extension]);
        }

        var phones = new Dictionary<string, Process>();
        try
        {
            var andrew = new SippTrace(_logs.Path, "444");
            phones["444"] = Sipp.Listen("uas-ring", fixture.Endpoint, ports["444"], andrew.Args);
            var callerTrace = new SippTrace(_logs.Path, "caller");
            phones["caller"] = Sipp.Start("uac-trunk-call", fixture.Endpoint, trunkPort, ["-s", Did("444"), "-d", "300", .. callerTrace.Args]);
            callerTrace.WaitFor("SIP/2.0 180");

            // "The secretary (extension 999) can dial *7788 to pick up the call": group 88 is 222, 333 and 999.
            var refusedTrace = new SippTrace(_logs.Path, "secretary-88");
            var refused = Sipp.Run("uac-not-found", fixture.Endpoint, ports["999"], ["-s", "*7788", "-au", Line("999"), "-ap", SwitchFixture.Password, .. refusedTrace.Args]);
            Assert.True(refused.ExitCode == 0, "*7788: " + refused.Output);
            Assert.StartsWith("SIP/2.0 404 Not Found: nothing is ringing in group 88", refusedTrace.WaitFor("SIP/2.0 404"), StringComparison.Ordinal);
            andrew.Barrier(ports["444"]);
            Assert.Empty(andrew.Received("CANCEL")); // 444 still rings

            phones["999"] = Sipp.Start("uac-call-until-bye", fixture.Endpoint, ports["999"], "-s", "*77", "-au", Line("999"), "-ap", SwitchFixture.Password);
            foreach (var name in new[] { "caller", "444", "999" })
            {
                var result = Sipp.Finish(phones[name]);
                Assert.True(result.ExitCode == 0, $"{name}: {result.Output}");
            }

            fixture.Switch.Quiesce();
            Assert.Equal(Line("999"), Assert.Single(fixture.Cdrs.Ends, c => c.Disposition == CallDisposition.Answered).Call.CalleeAccountId);
        }
        finally
        {
            Stop(phones.Values);
        }
    }

    private static void Register(SwitchFixture fixture, string extension, int port)
    {
        var registered = Sipp.Run("register", fixture.Endpoint, port, "-s", Line(extension), "-au", Line(extension), "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, $"{extension} registers: {registered.Output}");
    }

    /// <summary>The sipp phones a test started: ended (one still running is killed) and released.</summary>
    private static void Stop(IEnumerable<Process> phones)
    {
        foreach (var phone in phones)
        {
            if (!phone.HasExited)
            {
                phone.Kill(entireProcessTree: true);
            }

            phone.Dispose();
        }
    }

    /// <summary>The seed's two huntgroups over the five lines, as its Huntgroups page shows them.</summary>
    private static SwitchFixture Fixture(int trunkPort)
    {
        var fixture = new SwitchFixture(partitions: 1, directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, trunkPort)));
        var d = fixture.Directory;
        HuntMember Member(string extension, bool primary) => FeatureDirectory.Member(d, "acme", extension) with { Primary = primary };
        var sales = new HuntGroupPlan("acme", "88", "Sales Department", HuntSequence.Order, HuntCallerId.Keep, PickupAllowed: true, null,
            [Member("222", true), Member("333", true), Member("999", false)], []);
        var support = new HuntGroupPlan("acme", "99", "Support Department", HuntSequence.Random, HuntCallerId.Keep, PickupAllowed: true, null,
            [Member("555", true), Member("999", true), Member("444", true)], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [sales, support]));
        return fixture;
    }

    private static string Line(string extension) => "1604555" + extension.PadLeft(4, '0');

    /// <summary>The DID that reaches an extension from outside.</summary>
    private static string Did(string extension) => "1604555" + extension.PadLeft(4, '9');

    private static string DirectoryJson(IPEndPoint trunk)
    {
        static string Account(string id, string extension) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{extension}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var lines = string.Join(", ", Extensions.Select(e => Account(Line(e), e)));
        var dids = string.Join(", ", Extensions.Select(e => $$"""{ "number": "{{Did(e)}}", "account": "{{Line(e)}}" }"""));
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office", "maxCalls": 30 } ],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{lines}} ],
          "dids": [ {{dids}} ]
        }
        """;
    }
}
