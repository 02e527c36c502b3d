using System.Diagnostics;
using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;
using NodaTime;
using SippRunner = Centrex.Switch.Tests.Sipp.Sipp;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Issue 15: pickup of a call that rings a phone because of a hunt group (simultaneous or in turn) or a call flow, not
/// because it was dialed. Members are sipp phones that ring until cancelled (each sipp fails unless it gets its CANCEL);
/// the picking phone is a sipp that dials <c>*77NN</c> or <c>**EXT</c> and is answered; the caller (a line's phone)
/// ends up talking to the picker, one CDR answered by the picker. A group without Call Pickup Allowed (seed 004) keeps
/// its calls for its members: both kinds of pickup are 404 and its members go on ringing.
/// </summary>
public sealed class HuntPickupTests
{
    private const string Caller = "16045550101";
    private const string Picker = "16045550209";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "simultaneous", "*77300", ["201", "202", "203"] }, // group pickup: every member rang, every member is cancelled
        { "simultaneous", "**202", ["201", "202", "203"] },  // directed pickup of one member of a ringing group
        { "sequential", "**201", ["201"] },                  // in turn: the first member rings; the second never does
        { "sequential", "*77300", ["201"] },
        { "flow", "**203", ["203"] },                        // extension 205's flow rings 203 (Call to SIP)
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ACallRingingThroughAGroupOrAFlow_IsPickedUp_AndItsOtherLegsCancelled(string how, string dialed, string[] ringing)
    {
        await using var fixture = Fixture(pickupAllowed: true, how == "sequential" ? HuntSequence.Order : HuntSequence.Simultaneous);
        var phones = ringing.ToDictionary(e => e, e => Ring(fixture, e));
        try
        {
            using var caller = new TestPhone(fixture.Endpoint, Caller);
            Steps.Invite(caller, how == "flow" ? "205" : "300");
            Assert.Equal(180, caller.ReceiveResponse(180).StatusCode); // a member rings: its leg exists

            using var picker = SippRunner.Start("uac-call-until-bye", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", dialed, "-au", Picker, "-ap", SwitchFixture.Password);
            var ok = caller.ReceiveResponse(200);
            caller.Send(Steps.InDialog(caller, ok, "ACK", 2));
            foreach (var (extension, phone) in phones)
            {
                var result = SippRunner.Finish(phone);
                Assert.True(result.ExitCode == 0, $"{extension} rang and got CANCEL: {result.Output}");
            }

            Steps.Sync(caller, fixture.Switch);
            Assert.Equal(1, fixture.Switch.ConfirmedCalls);
            caller.Send(Steps.InDialog(caller, ok, "BYE", 3));
            caller.ReceiveResponse(200);
            var picked = SippRunner.Finish(picker);
            Assert.True(picked.ExitCode == 0, "the picker was answered, then got the caller's BYE: " + picked.Output);
            Steps.Sync(caller, fixture.Switch);
            var cdr = Assert.Single(fixture.Cdrs.Ends);
            Assert.Equal((Picker, CallDisposition.Answered), (cdr.Call.CalleeAccountId, cdr.Disposition));
        }
        finally
        {
            Stop(phones.Values);
        }
    }

    [Theory]
    [InlineData("*77300", "Not Found: no pickup group 300")]
    [InlineData("**201", "Not Found: extension 201 is not ringing")]
    public async Task AGroupWithoutCallPickupAllowed_KeepsItsCallsForItsMembers(string dialed, string reason)
    {
        await using var fixture = Fixture(pickupAllowed: false, HuntSequence.Simultaneous);
        var phones = new[] { "201", "202", "203" }.Select(e => Ring(fixture, e)).ToList();
        try
        {
            using var caller = new TestPhone(fixture.Endpoint, Caller);
            Steps.Invite(caller, "300");
            Assert.Equal(180, caller.ReceiveResponse(180).StatusCode);

            using var picker = new TestPhone(fixture.Endpoint, Picker);
            Steps.Invite(picker, dialed);
            var refused = picker.ReceiveFinal();
            Assert.Equal((404, reason), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
            Steps.Sync(caller, fixture.Switch);
            Assert.Equal(0, fixture.Switch.ConfirmedCalls);
            Assert.All(phones, p => Assert.False(p.HasExited, "the members still ring"));
        }
        finally
        {
            Stop(phones);
        }
    }

    /// <summary>The sipp phones this test started: ended (one still ringing is killed) and released.</summary>
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

    /// <summary>Extension <paramref name="extension"/> registers with sipp, which then rings on any call until cancelled.</summary>
    private static Process Ring(SwitchFixture fixture, string extension)
    {
        var port = SippRunner.FreeUdpPort();
        var registered = SippRunner.Run("register", fixture.Endpoint, port, "-s", Line(extension), "-au", Line(extension), "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        return SippRunner.Listen("uas-ring", fixture.Endpoint, port);
    }

    /// <summary>
    /// Hunt group 300 (201, 202, 203; 40 s each, so the first of an ordered group rings throughout the test) and a flow
    /// on extension 205 whose Call to SIP node rings 203.
    /// </summary>
    private static SwitchFixture Fixture(bool pickupAllowed, HuntSequence sequence)
    {
        var fixture = new SwitchFixture(partitions: 1, directoryJson: DirectoryJson());
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Sales", sequence, HuntCallerId.Keep, pickupAllowed, null,
            [.. new[] { "201", "202", "203" }.Select(e => FeatureDirectory.Member(d, "acme", e, ringSeconds: 40))], []);
        var flow = new FlowDefinition("desk", "acme", ["205"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=desk"),
            FeatureDirectory.Node("desk", "call-to-sip", "extension=203")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group], [flow]));
        return fixture;
    }

    private static string Line(string extension) => "1604555" + extension.PadLeft(4, '0');

    private static string DirectoryJson()
    {
        string Account(string id, string extension) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{extension}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var lines = string.Join(", ", new[] { "201", "202", "203", "205", "209" }.Select(e => Account(Line(e), e)));
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
