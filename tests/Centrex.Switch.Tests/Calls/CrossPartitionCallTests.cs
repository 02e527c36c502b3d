using Centrex.Switch.Cdrs;
using Centrex.Switch.Partitions;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Calls;

/// <summary>
/// Issue 14: a call from one customer to another on the same switch, whose customers live in different call-control
/// partitions, is handed between the partitions as SIP through the rings: it rings, is answered, and ends from either
/// side, is cancelled while ringing, and is recorded once (on the callee, as an on-net call is).
/// </summary>
public sealed class CrossPartitionCallTests
{
    private const string Alice = "16045550101"; // acme, extension 101
    private const string Carol = "16045550201"; // the other customer, DID +1 604 555 0200

    [Fact]
    public void TheTwoCustomers_LiveInDifferentPartitions()
    {
        var map = new PartitionMap(2);
        Assert.NotEqual(map.Of("acme"), map.Of(OtherCustomer));
    }

    [Fact]
    public async Task AliceCallsCarolsDid_CarolAnswers_CarolHangsUp_AliceGetsTheBye_AndOneCdrOnCarol()
    {
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Assert.Equal(200, Flows.Register(carol).StatusCode);

        Flows.Invite(alice, "6045550200");
        var invite = carol.ReceiveRequest("INVITE").Message;
        carol.Send(carol.Response(invite, 180, "Ringing", "c1"));
        Assert.Equal(180, alice.ReceiveResponse(180).StatusCode);
        carol.Send(carol.Response(invite, 200, "OK", "c1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        carol.ReceiveRequest("ACK");
        // One call, though each partition holds a leg of it (issue 16 review: /api/v1/operator/switch showed 2).
        Assert.Equal(1, fixture.Switch.ActiveCalls);

        carol.Send(Flows.FromCallee(carol, invite, "c1", "BYE", 1));
        Assert.Equal(200, carol.ReceiveResponse(200).StatusCode);
        var bye = alice.ReceiveRequest("BYE").Message;
        alice.Send(alice.Response(bye, 200, "OK", "a1"));
        Flows.Sync(alice, fixture.Switch);

        Assert.Equal(0, fixture.Switch.ActiveCalls);
        var cdr = Assert.Single(fixture.Cdrs.Ends);
        Assert.Equal((Carol, CallDisposition.Answered), (cdr.Call.CalleeAccountId ?? cdr.Call.AccountId, cdr.Disposition));
    }

    [Fact]
    public async Task AliceHangsUp_CarolGetsTheBye()
    {
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Assert.Equal(200, Flows.Register(carol).StatusCode);

        Flows.Invite(alice, "6045550200");
        var invite = carol.ReceiveRequest("INVITE").Message;
        carol.Send(carol.Response(invite, 200, "OK", "c1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        carol.ReceiveRequest("ACK");

        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        var bye = carol.ReceiveRequest("BYE").Message;
        carol.Send(carol.Response(bye, 200, "OK", "c1"));
        Flows.Sync(alice, fixture.Switch);

        Assert.Equal(0, fixture.Switch.ActiveCalls);
        Assert.Single(fixture.Cdrs.Ends);
    }

    [Fact]
    public async Task AliceCancelsWhileCarolRings_CarolsInviteIsCancelled_Alice487()
    {
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Assert.Equal(200, Flows.Register(carol).StatusCode);

        var (callId, tag, branch, _) = Flows.Invite(alice, "6045550200");
        var invite = carol.ReceiveRequest("INVITE").Message;
        carol.Send(carol.Response(invite, 180, "Ringing", "c1"));
        alice.ReceiveResponse(180);

        var uri = "sip:6045550200@" + SwitchFixture.Realm;
        alice.Send(alice.Request("CANCEL", uri, callId, 2, tag, branch: branch));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        var cancel = carol.ReceiveRequest("CANCEL").Message;
        carol.Send(carol.Response(cancel, 200, "OK", "c1"));
        carol.Send(carol.Response(invite, 487, "Request Terminated", "c1"));
        Assert.Equal(487, alice.ReceiveResponse(487).StatusCode);
        Flows.Sync(alice, fixture.Switch);

        Assert.Equal(0, fixture.Switch.ActiveCalls);
        Assert.Equal(CallDisposition.Cancelled, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    [Fact]
    public async Task CarolNotRegistered_AliceGets480_AndTheAttemptIsRecordedOnce()
    {
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);

        Flows.Invite(alice, "6045550200");

        Assert.Equal(480, alice.ReceiveFinal().StatusCode);
        Flows.Sync(alice, fixture.Switch);
        Assert.Single(fixture.Cdrs.Ends);
    }

    /// <summary>
    /// Issue 16 review, item 1: an abbreviated number whose target is another customer's account id (data provisioning
    /// refuses, here put straight into the switch's directory) rings nobody: 404 to the caller (acme has no trunk: the
    /// id is then only a number, which is not a DID), no INVITE to Carol; nor does Carol's extension, the other customer's.
    /// </summary>
    [Fact]
    public async Task AbbreviatedNumber_ToAnotherCustomersAccount_RingsNobody()
    {
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson(abbreviated: $$"""{ "57": "{{Carol}}", "58": "201" }""", acmeTrunk: false));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Assert.Equal(200, Flows.Register(carol).StatusCode);
        Assert.Equal(200, Flows.Register(alice).StatusCode);

        foreach (var code in new[] { "57", "58" })
        {
            Flows.Invite(alice, code);
            Assert.Equal(404, alice.ReceiveFinal().StatusCode);
        }

        Flows.Sync(alice, fixture.Switch);
        Assert.DoesNotContain(carol.Drain(), m => m.IsRequest && m.Text(m.MethodName) == "INVITE");
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    /// <summary>A customer id that maps to the other of two partitions than <c>acme</c>.</summary>
    private static string OtherCustomer { get; } = Enumerable.Range(0, 100).Select(i => $"globex-{i}").First(id => new PartitionMap(2).Of(id) != new PartitionMap(2).Of("acme"));

    private static string DirectoryJson(string abbreviated = "{}", bool acmeTrunk = true)
    {
        static string Account(string id, string customer, string ext) =>
            $$"""{ "id": "{{id}}", "customer": "{{customer}}", "site": "default", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", {{(acmeTrunk ? "\"trunk\": \"pstn\", " : "")}}"abbreviated": {{abbreviated}} }, { "id": "{{OtherCustomer}}", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Alice, "acme", "101")}}, {{Account(Carol, OtherCustomer, "201")}} ],
          "dids": [ { "number": "16045550200", "account": "{{Carol}}" } ]
        }
        """;
    }
}
