using Centrex.Switch.Partitions;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// Park slots are per customer (seed 004 Call Parking; issue 15): two customers, each with extensions 101 and 102 and
/// the default prefixes (park 70, release 71), both park a call in slot 1; each release of slot 1 takes its own
/// customer's call, and a phone of one customer never reaches the other's parked call. In one partition (the slots
/// share one table there) and in two (each customer's in its own).
/// </summary>
public sealed class ParkTwoCustomersTests
{
    private const string Alice = "16045550101"; // acme 101
    private const string Bob = "16045550102";   // acme 102
    private const string Carol = "16045550201"; // globex 101
    private const string Dave = "16045550202";  // globex 102

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task BothCustomersParkInSlot1_AndEachReleaseTakesItsOwnCustomersCall(int partitions)
    {
        if (partitions == 2)
        {
            var map = new PartitionMap(2);
            Assert.NotEqual(map.Of("acme"), map.Of("globex"));
        }

        await using var fixture = new SwitchFixture(partitions: partitions, directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        using var dave = new TestPhone(fixture.Endpoint, Dave);

        // Alice calls Bob and Bob parks her in slot 1; Carol calls Dave (102 of her own customer) and Dave parks her in slot 1 too.
        var (aliceOk, bobInvite) = Answered(alice, bob);
        Park(bob, bobInvite, "701");
        var (carolOk, daveInvite) = Answered(carol, dave);
        Park(dave, daveInvite, "701"); // not "slot 1 is taken": it is globex's slot 1
        Flows.Sync(dave, fixture.Switch);
        Assert.Equal(2, fixture.Switch.ActiveCalls);

        // Dave releases slot 1: Carol's call, in Carol's own dialog; Alice hears nothing.
        Flows.Invite(dave, "711");
        Take(carol, carolOk, dave);
        Flows.Sync(dave, fixture.Switch);
        Assert.DoesNotContain(alice.Drain(), m => m.IsRequest);

        // Dave again: globex's slot 1 is empty now, and acme's (Alice) is not his to take.
        Flows.Invite(dave, "711");
        var refused = dave.ReceiveFinal();
        Assert.Equal(404, refused.StatusCode);
        Assert.Contains("no call parked in slot 1", refused.Text(refused.ReasonPhrase), StringComparison.Ordinal);
        Flows.Sync(dave, fixture.Switch);
        Assert.DoesNotContain(alice.Drain(), m => m.IsRequest);

        // Bob releases acme's slot 1: Alice's call.
        Flows.Invite(bob, "711");
        Take(alice, aliceOk, bob);
        Flows.Sync(bob, fixture.Switch);
        Assert.Equal((2, 2), (fixture.Switch.ActiveCalls, fixture.Switch.ConfirmedCalls));
    }

    /// <summary>The caller dials 102 of its own customer, the callee (registered) answers; the caller's 200 and the callee's INVITE.</summary>
    private static (SipMessage Ok, SipMessage Invite) Answered(TestPhone caller, TestPhone callee)
    {
        Flows.Register(callee);
        Flows.Invite(caller, "102");
        var invite = callee.ReceiveRequest("INVITE").Message;
        callee.Send(callee.Response(invite, 200, "OK", "p1", Flows.Sdp));
        var ok = caller.ReceiveResponse(200);
        caller.Send(Flows.InDialog(caller, ok, "ACK", 2));
        callee.ReceiveRequest("ACK");
        return (ok, invite);
    }

    /// <summary>The callee transfers its call to the park prefix and slot; the final NOTIFY says the slot; its leg gets BYE.</summary>
    private static void Park(TestPhone parker, SipMessage invite, string user)
    {
        parker.Send(Flows.FromCallee(parker, invite, "p1", "REFER", 1)
            .Replace("Content-Length", $"Refer-To: <sip:{user}@{SwitchFixture.Realm}>\r\nContent-Length", StringComparison.Ordinal));
        Assert.Equal(202, parker.ReceiveResponse(202).StatusCode);
        var notify = parker.ReceiveRequest("NOTIFY").Message;
        Assert.StartsWith("SIP/2.0 200 Parked in slot 1", notify.Text(notify.Body), StringComparison.Ordinal);
        var bye = parker.ReceiveRequest("BYE").Message;
        parker.Send(parker.Response(bye, 200, "OK", "p1"));
    }

    /// <summary>The parked party is re-INVITEd in its own dialog and answers; the phone that released it gets the 200.</summary>
    private static void Take(TestPhone parked, SipMessage parkedOk, TestPhone taker)
    {
        var reInvite = parked.ReceiveRequest("INVITE").Message;
        Assert.Equal(parkedOk.Text(parkedOk.CallId), reInvite.Text(reInvite.CallId));
        parked.Send(parked.Response(reInvite, 200, "OK", "a1", Flows.Sdp));
        parked.ReceiveRequest("ACK");
        var ok = taker.ReceiveResponse(200);
        taker.Send(Flows.InDialog(taker, ok, "ACK", 2));
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
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" }, { "id": "globex", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Alice, "acme", "101")}}, {{Account(Bob, "acme", "102")}}, {{Account(Carol, "globex", "101")}}, {{Account(Dave, "globex", "102")}} ]
        }
        """;
    }
}
