using System.Net;
using System.Text.RegularExpressions;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

/// <summary>
/// Issue 13 item 6: a captured Proxy-Authorization replayed from another port with a new Call-ID to the same
/// Request-URI used to place and charge a call for the nonce's 5-minute life. Nonce counts are now kept (RFC 7616
/// §3.4): a count is good once, and a nonce without qop (RFC 2069 style) is good once.
/// </summary>
public sealed partial class ReplayTests : IDisposable
{
    private const string Dialed = "2125551234"; // out through the trunk: 60 mills a minute (TestTariff)
    private const string DialedUri = "sip:" + Dialed + "@centrex.test";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1)); // a hang fails the test, never times it

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task CapturedInvite_ReplayedFromAnotherPortWithANewCallId_Gets407_PlacesNoCall_ChargesNothing_AndThePhoneStillCalls()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        await using var fixture = new HookedSwitch(clock, gateway.Local);
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);
        using var attacker = new TestPhone(fixture.Endpoint, "attacker");
        using var probe = new TestPhone(fixture.Endpoint, "probe");

        var (_, _, _, captured) = Flows.Invite(alice, Dialed);
        AnswerAndHangUp(alice, gateway, clock);
        fixture.WaitForCdrs(_guard.Token);
        Assert.Equal(new Mills(-60), fixture.Ledger.Store.Balance(HookedSwitch.Caller));

        var credentials = ProxyAuthorization().Match(captured).Groups[1].Value;
        attacker.Send(attacker.Request("INVITE", DialedUri, "replayed-" + Guid.NewGuid().ToString("N"), 1, "evil",
            extra: $"Proxy-Authorization: {credentials}\r\n", body: Flows.Sdp));
        Flows.Sync(probe, fixture.Switch); // the switch reads one socket in order: the replay has been handled, its answers sent

        Assert.Empty(gateway.Drain()); // no INVITE left through the trunk
        var refused = Assert.Single(attacker.Drain()); // and no 100 Trying before the refusal
        Assert.Equal(407, refused.StatusCode);
        Assert.Contains("stale=true", refused.Text(refused.Find(SipHeaderKind.ProxyAuthenticate)), StringComparison.Ordinal);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
        fixture.WaitForCdrs(_guard.Token);
        Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, clock.Now - Duration.FromDays(1), clock.Now + Duration.FromDays(1))); // alice's call only
        Assert.Equal(new Mills(-60), fixture.Ledger.Store.Balance(HookedSwitch.Caller));

        Flows.Invite(alice, Dialed); // the phone's own next call: a fresh challenge, and it goes out
        Assert.Equal(SipMethod.Invite, gateway.ReceiveRequest("INVITE").Message.Method);
    }

    [Fact]
    public async Task CapturedInvite_ReplayedBehindAnotherCustomersCredentials_ReachingAnotherPartition_IsRefused()
    {
        // Each partition keeps the nonce counts of its own customers' accounts. The router picks the partition by the
        // user name of the first credentials in our realm: put another customer's (any response) before the captured
        // ones and the replay reaches a partition that has not seen the nonce. That partition refuses an account that
        // is not its own as a replay.
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0));
        await using var fixture = new HookedSwitch(clock, gateway.Local, directoryJson: TwoCustomers(gateway.Local));
        gateway.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, HookedSwitch.Caller);
        using var attacker = new TestPhone(fixture.Endpoint, "attacker");
        using var probe = new TestPhone(fixture.Endpoint, "probe");

        var (_, _, _, captured) = Flows.Invite(alice, Dialed);
        AnswerAndHangUp(alice, gateway, clock);
        var credentials = ProxyAuthorization().Match(captured).Groups[1].Value;
        var decoy = $"Digest username=\"{Gus}\", realm=\"{SwitchFixture.Realm}\", nonce=\"x\", uri=\"{DialedUri}\", response=\"00000000000000000000000000000000\"";
        attacker.Send(attacker.Request("INVITE", DialedUri, "decoy-" + Guid.NewGuid().ToString("N"), 1, "evil",
            extra: $"Proxy-Authorization: {decoy}\r\nProxy-Authorization: {credentials}\r\n", body: Flows.Sdp));
        Flows.Sync(probe, fixture.Switch);

        Assert.Empty(gateway.Drain()); // nothing went out through the trunk
        Assert.Equal(407, Assert.Single(attacker.Drain()).StatusCode);
        Assert.NotEqual(fixture.Switch.Pipeline.Map.Of("acme"), fixture.Switch.Pipeline.Map.Of(GusCustomer)); // the decoy did lead elsewhere
    }

    private const string Gus = "16045550301";

    /// <summary>A customer id that maps to the other of two partitions than <c>acme</c>.</summary>
    private static string GusCustomer { get; } = Enumerable.Range(0, 100).Select(i => $"globex-{i}")
        .First(id => new Centrex.Switch.Partitions.PartitionMap(2).Of(id) != new Centrex.Switch.Partitions.PartitionMap(2).Of("acme"));

    private static string TwoCustomers(IPEndPoint trunk)
    {
        static string Account(string id, string customer, string ext) =>
            $$"""{ "id": "{{id}}", "customer": "{{customer}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{Registration.DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" }, { "id": "{{GusCustomer}}", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(HookedSwitch.Caller, "acme", "101")}}, {{Account(Gus, GusCustomer, "301")}} ]
        }
        """;
    }

    [Fact]
    public async Task SameNonce_WithAHigherCount_IsAccepted_ARepeatedOrLowerCountIsNot()
    {
        await using var fixture = new SwitchFixture();
        using var phone = new TestPhone(fixture.Endpoint, "16045550101");
        const string Uri = "sip:centrex.test";
        phone.Send(phone.Request("REGISTER", Uri, "nc-1", phone.NextCSeq(), "t"));
        var challenge = phone.ReceiveFinal();

        int Register(string nc)
        {
            var authorization = TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, phone.User, SwitchFixture.Password, "REGISTER", Uri, nc: nc);
            phone.Send(phone.Request("REGISTER", Uri, "nc-1", phone.NextCSeq(), "t", extra: $"Authorization: {authorization}\r\n"));
            return phone.ReceiveFinal().StatusCode;
        }

        Assert.Equal(200, Register("00000001"));
        Assert.Equal(200, Register("00000002")); // a phone reusing its nonce counts up (RFC 7616 §3.4)
        Assert.Equal(401, Register("00000002"));
        Assert.Equal(401, Register("00000001"));
        Assert.Equal(200, Register("0000000a"));
    }

    [Fact]
    public async Task InviteWithoutQop_ItsNonceIsSingleUse()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        const string Uri = "sip:103@centrex.test"; // not registered: an accepted call is refused 480, after authentication
        alice.Send(alice.Request("INVITE", Uri, "rfc2069", 1, "t", body: Flows.Sdp));
        var challenge = alice.ReceiveResponse(407);
        alice.Send(Flows.AckFor(alice, challenge, Uri));
        var credentials = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, alice.User, SwitchFixture.Password, "INVITE", Uri, qop: false);

        alice.Send(alice.Request("INVITE", Uri, "rfc2069-a", 1, "t", extra: $"Proxy-Authorization: {credentials}\r\n", body: Flows.Sdp));
        var first = alice.ReceiveFinal();
        alice.Send(alice.Request("INVITE", Uri, "rfc2069-b", 1, "t", extra: $"Proxy-Authorization: {credentials}\r\n", body: Flows.Sdp));
        var second = alice.ReceiveFinal();

        Assert.Equal(480, first.StatusCode);
        Assert.Equal(407, second.StatusCode);
    }

    /// <summary>The gateway answers alice's call, alice hangs up after 30 s on the switch's clock.</summary>
    private static void AnswerAndHangUp(TestPhone alice, TestPhone gateway, ManualSwitchClock clock)
    {
        var (invite, _) = gateway.ReceiveRequest("INVITE");
        gateway.Send(gateway.Response(invite, 200, "OK", "g1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        gateway.ReceiveRequest("ACK");
        clock.Advance(Duration.FromSeconds(30));
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var (bye, _) = gateway.ReceiveRequest("BYE");
        gateway.Send(gateway.Response(bye, 200, "OK", "g1"));
        alice.ReceiveResponse(200);
    }

    [GeneratedRegex("Proxy-Authorization: ([^\r\n]*)\r\n")]
    private static partial Regex ProxyAuthorization();
}
