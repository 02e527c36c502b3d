using System.Net;
using System.Text;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>
/// A line of one customer calls another customer's DID, and the callee's calls are another partition's (two partitions:
/// acme is partition 1, globex 0): the call is handed over through the rings and recorded once, on the called line, by
/// that partition, which once knew the caller only by the From it was shown (anonymous: the calling line has no DID).
/// The CDR names the calling line and the number it dialed, as it does for a call within one partition, so the caller's
/// customer can be shown the call (issue 16, Call Logs); the headers that carry them across do not reach the called phone.
/// </summary>
public sealed class HandedOverCallCdrTests : IDisposable
{
    private const string Alice = "16045550101"; // acme's, no DID
    private const string Bob = "16045550201"; // globex's, with a DID
    private const string BobDid = "16045550299";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1)); // a hang fails the test, never times it
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task ACallToAnotherCustomersDidInAnotherPartition_IsRecordedOnTheCalledLine_NamingTheCallingLine()
    {
        await using var fixture = new HookedSwitch(_clock, directoryJson: DirectoryJson());
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Assert.Equal(200, Flows.Register(bob).StatusCode);

        var (callId, _, _, _) = Flows.Invite(alice, BobDid);
        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == callId).Message;
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        bob.ReceiveRequest("ACK");
        _clock.Advance(Duration.FromSeconds(20));
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        alice.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == callId);
        fixture.WaitForCdrs(_guard.Token);

        Assert.DoesNotContain("X-Centrex-", Encoding.UTF8.GetString(invite.Bytes), StringComparison.OrdinalIgnoreCase);
        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1)));
        // The caller is what Bob's phone was shown (Alice has no DID: anonymous), never Alice's account id, which the
        // calling_account column keeps for Alice's customer's Call Logs.
        Assert.Equal((Bob, "anonymous", Alice, BobDid, CallDirection.Incoming, CallDisposition.Answered, 20),
            (cdr.Account, cdr.Caller, cdr.CallingAccount, cdr.CalleeDialed, cdr.Direction, cdr.Disposition, cdr.BillableSeconds));
    }

    [Fact]
    public async Task AnOutsideInviteCarryingTheHeader_IsNotBelieved()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new HookedSwitch(_clock, directoryJson: DirectoryJson(gateway.Local));
        gateway.Retarget(fixture.Endpoint);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Assert.Equal(200, Flows.Register(bob).StatusCode);

        // A call from the trunk that claims to be alice's line: recorded with the caller the trunk sent, not alice.
        var callId = Guid.NewGuid().ToString("N");
        gateway.Send(gateway.Request("INVITE", $"sip:+{BobDid}@{SwitchFixture.Realm}", callId, 1, "g1", extra: $"X-Centrex-Calling-Account: {Alice}\r\nX-Centrex-Dialed: 999\r\n", body: Flows.Sdp));
        var (invite, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 486, "Busy Here", "b1"));
        Assert.Equal(486, gateway.ReceiveFinal().StatusCode);
        fixture.WaitForCdrs(_guard.Token);

        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1)));
        Assert.NotEqual(Alice, cdr.Caller);
        Assert.NotEqual("999", cdr.CalleeDialed);
    }

    private static string DirectoryJson(IPEndPoint? trunk = null)
    {
        static string Account(string id, string customer, string ext) =>
            $$"""{ "id": "{{id}}", "customer": "{{customer}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var gateway = trunk ?? new IPEndPoint(IPAddress.Loopback, 9);
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "trunks": [ { "id": "pstn", "address": "{{gateway}}", "sources": ["{{gateway}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" },
                         { "id": "globex", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Alice, "acme", "101")}}, {{Account(Bob, "globex", "201")}} ],
          "dids": [ { "number": "{{BobDid}}", "account": "{{Bob}}" } ]
        }
        """;
    }
}
