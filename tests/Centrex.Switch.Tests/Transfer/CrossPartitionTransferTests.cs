using Centrex.Switch.Partitions;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Issue 15: a transfer to another customer's number: the leg to the target is placed by the transferor's partition
/// and handed to the target's partition through the rings (never shared state), like any call between customers.
/// </summary>
public sealed class CrossPartitionTransferTests
{
    private const string Alice = "16045550101"; // acme 101
    private const string Bob = "16045550102"; // acme 102
    private const string Carol = "16045550201"; // the other customer, DID +1 604 555 0200
    private const string OtherCustomer = "globex";

    [Fact]
    public async Task BobTransfersAliceToAnotherCustomersDid_TheLegCrossesThePartitions_AndAliceTalksToCarol()
    {
        var map = new PartitionMap(2);
        Assert.NotEqual(map.Of("acme"), map.Of(OtherCustomer));
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Assert.Equal(200, Flows.Register(carol).StatusCode);
        var (invite, ok) = Flows.AnsweredCall(alice, bob);

        bob.Send(Flows.FromCallee(bob, invite, "b1", "REFER", 1).Replace("Content-Length", "Refer-To: <sip:6045550200@centrex.test>\r\nContent-Length", StringComparison.Ordinal));
        Assert.Equal(202, bob.ReceiveResponse(202).StatusCode);
        var toCarol = carol.ReceiveRequest("INVITE").Message;
        carol.Send(carol.Response(toCarol, 200, "OK", "c1", Flows.Sdp));
        carol.ReceiveRequest("ACK");
        var reInvite = alice.ReceiveRequest("INVITE").Message;
        Assert.Equal(ok.Text(ok.CallId), reInvite.Text(reInvite.CallId));
        alice.Send(alice.Response(reInvite, 200, "OK", "a1", Flows.Sdp));
        alice.ReceiveRequest("ACK");
        var bye = bob.Receive(m => m.IsRequest && m.Method == SipMethod.Bye).Message;
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        Flows.Sync(bob, fixture.Switch);
        Assert.Equal(1, fixture.Switch.ActiveCalls); // one call: the transferred call in acme's partition (the handed-over leg in globex's is its leg, counted there once)

        carol.Send(Flows.FromCallee(carol, toCarol, "c1", "BYE", 1));
        Assert.Equal(200, carol.ReceiveResponse(200).StatusCode);
        var aliceBye = alice.ReceiveRequest("BYE").Message;
        Assert.Equal(ok.Text(ok.CallId), aliceBye.Text(aliceBye.CallId));
        alice.Send(alice.Response(aliceBye, 200, "OK", "a1"));
        Flows.Sync(alice, fixture.Switch);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    private static string DirectoryJson()
    {
        static string Account(string id, string customer, string ext) =>
            $$"""{ "id": "{{id}}", "customer": "{{customer}}", "site": "default", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" }, { "id": "{{OtherCustomer}}", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Alice, "acme", "101")}}, {{Account(Bob, "acme", "102")}}, {{Account(Carol, OtherCustomer, "201")}} ],
          "dids": [ { "number": "16045550200", "account": "{{Carol}}" } ]
        }
        """;
    }
}
