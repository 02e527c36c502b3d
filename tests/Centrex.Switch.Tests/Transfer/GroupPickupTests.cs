using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Seed 004, "configure multiple pickup groups", literally: two offices share a secretary. Huntgroup 88 holds 222, 333
/// and the secretary's 999 (primary for 222 and 333); huntgroup 99 holds 444, 555 and 999 (primary for all three);
/// both allow pickup; the pickup prefix is <c>*77</c>. The secretary picks up a call ringing 222 with <c>*7788</c>
/// (88 is not the secretary's primary group) and a call ringing 444 with <c>*77</c> alone. (The seed's closing
/// sentence swaps the two extensions; this follows its configuration, which is what the prefixes act on.)
/// </summary>
public sealed class GroupPickupTests : IAsyncLifetime
{
    private const string Caller = "16045550101";
    private readonly SwitchFixture _fixture;
    private readonly TestPhone _caller;
    private readonly Dictionary<string, TestPhone> _phones = [];

    public GroupPickupTests()
    {
        _fixture = new SwitchFixture(partitions: 1, directoryJson: DirectoryJson());
        var d = _fixture.Directory;
        HuntMember Member(string extension, bool primary) => FeatureDirectory.Member(d, "acme", extension) with { Primary = primary };
        var sales = new HuntGroupPlan("acme", "88", "Sales", HuntSequence.Simultaneous, HuntCallerId.Keep, PickupAllowed: true, null,
            [Member("222", true), Member("333", true), Member("999", false)], []);
        var support = new HuntGroupPlan("acme", "99", "Support", HuntSequence.Simultaneous, HuntCallerId.Keep, PickupAllowed: true, null,
            [Member("444", true), Member("555", true), Member("999", true)], []);
        _fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [sales, support]));

        _caller = new TestPhone(_fixture.Endpoint, Caller);
        foreach (var extension in new[] { "222", "444", "999" })
        {
            var phone = new TestPhone(_fixture.Endpoint, Line(extension));
            Steps.Register(phone);
            _phones[extension] = phone;
        }
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        _caller.Dispose();
        foreach (var phone in _phones.Values)
        {
            phone.Dispose();
        }

        await _fixture.DisposeAsync();
    }

    [Theory]
    [InlineData("222", "*7788")] // in the secretary's other group: the group's number is needed
    [InlineData("444", "*77")]   // in the secretary's primary group: the prefix alone
    public void TheSecretary_PicksUpACallRingingAColleague(string ringing, string dialed)
    {
        var invite = Ring(ringing);

        var secretary = _phones["999"];
        Steps.Invite(secretary, dialed);
        var cancel = _phones[ringing].ReceiveRequest("CANCEL").Message;
        _phones[ringing].Send(_phones[ringing].Response(cancel, 200, "OK", "r1"));
        _phones[ringing].Send(_phones[ringing].Response(invite, 487, "Request Terminated", "r1"));

        var secretaryOk = secretary.ReceiveResponse(200);
        var callerOk = _caller.ReceiveResponse(200);
        secretary.Send(Steps.InDialog(secretary, secretaryOk, "ACK", 2));
        _caller.Send(Steps.InDialog(_caller, callerOk, "ACK", 2));
        Steps.Sync(_caller, _fixture.Switch);
        Assert.Equal(1, _fixture.Switch.ConfirmedCalls);

        _caller.Send(Steps.InDialog(_caller, callerOk, "BYE", 3));
        var bye = secretary.ReceiveRequest("BYE").Message;
        secretary.Send(secretary.Response(bye, 200, "OK", string.Empty));
        _caller.ReceiveResponse(200);
        Steps.Sync(_caller, _fixture.Switch);
        var cdr = Assert.Single(_fixture.Cdrs.Ends);
        Assert.Equal((Line("999"), CallDisposition.Answered), (cdr.Call.CalleeAccountId, cdr.Disposition));
    }

    [Fact]
    public void ThePrefixAlone_DoesNotReachACallRingingOutsideThePrimaryGroup()
    {
        Ring("222");

        Steps.Invite(_phones["999"], "*77"); // 999's primary group is 99; 222 is in 88
        var refused = _phones["999"].ReceiveFinal();
        Assert.Equal(404, refused.StatusCode);
        Assert.Contains("nothing is ringing in group 99", refused.Text(refused.ReasonPhrase), StringComparison.Ordinal);
    }

    [Fact]
    public void AGroupThatDoesNotAllowPickup_OrNoGroup_Is404()
    {
        Ring("222");
        Steps.Invite(_phones["999"], "*7777"); // no group 77
        Assert.Equal(404, _phones["999"].ReceiveFinal().StatusCode);
    }

    private static string Line(string extension) => "1604555" + extension.PadLeft(4, '0');

    /// <summary>The caller dials <paramref name="extension"/>; its phone rings (180); the INVITE it got.</summary>
    private SipMessage Ring(string extension)
    {
        Steps.Invite(_caller, extension);
        var invite = _phones[extension].ReceiveRequest("INVITE").Message;
        _phones[extension].Send(_phones[extension].Response(invite, 180, "Ringing", "r1"));
        Assert.Equal(180, _caller.ReceiveResponse(180).StatusCode);
        return invite;
    }

    private static string DirectoryJson()
    {
        string Account(string id, string extension) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{extension}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var lines = string.Join(", ", new[] { "222", "333", "444", "555", "999" }.Select(e => Account(Line(e), e)));
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
