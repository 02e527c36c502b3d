using System.Globalization;
using System.Net;
using System.Text;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Transfer;

/// <summary>
/// A pickup or a transfer refused by a site limit answers as every admission refusal does (README-callctl.md,
/// Admission): the standard reason phrase, the limit named in <c>Warning: 399 centrex "..."</c>, and one refusal counted
/// under <c>limits</c> in /metrics. The switch is wired as <c>serve</c> wires it (the real site admission over the
/// directory); site hq (Head office) counts outgoing calls, internal calls included, and 101–105 are its phones.
/// </summary>
public sealed class LimitRefusalTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";
    private const string Dave = "16045550104";
    private const string Erin = "16045550105";

    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));

    [Fact]
    public async Task Pickup_OnASiteWhoseConnectedSlotsAreFull_Is503ServiceUnavailable_WithTheLimitInAWarning_AndCounted()
    {
        await using var fixture = Switch(maxOutgoing: 1);
        using var phones = new Phones(fixture.Endpoint, Alice, Bob, Carol, Dave, Erin);
        var (alice, bob, carol, dave, erin) = phones;

        // Dave's call to Erin rings on the site's one slot, Alice's call to Bob on borrowed capacity; Erin answers, so
        // the slot is connected and Alice's call, if answered now, would take the site past its limit.
        var toErin = Ring(dave, erin, "105");
        Ring(alice, bob, "102");
        Answer(dave, erin, toErin);
        Assert.Equal(1, fixture.Hooks.Admission.Usage("hq").ConnectedCalls);
        Assert.Equal(1, fixture.Hooks.Admission.Usage("hq").BorrowingCalls);

        Flows.Invite(carol, "**102");
        var refused = carol.ReceiveFinal();

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("Service Unavailable", refused.Text(refused.ReasonPhrase));
        Assert.Contains("\r\nWarning: 399 centrex \"site Head office: max outgoing calls 1 reached\"\r\n", Encoding.UTF8.GetString(refused.Bytes), StringComparison.Ordinal);
        AssertOneLimitRefusal(fixture);
    }

    [Fact]
    public async Task BlindTransfer_WhoseTargetAnswersOnAFullSite_FinalNotifyIs503ServiceUnavailable_WithTheLimitInAWarning_AndCounted()
    {
        await using var fixture = Switch(maxOutgoing: 2);
        using var phones = new Phones(fixture.Endpoint, Alice, Bob, Carol, Dave, Erin);
        var (alice, bob, carol, dave, erin) = phones;
        var (invite, _) = Flows.AnsweredCall(alice, bob); // one connected call
        Assert.Equal(200, Flows.Register(carol).StatusCode);

        // Dave's call to Erin rings on the site's second slot; Bob then sends Alice to Carol, and the leg to Carol rings
        // on borrowed capacity. Erin answers first: both slots are connected, and Carol's answer does not fit.
        var toErin = Ring(dave, erin, "105");
        bob.Send(Refer(bob, invite));
        Assert.Equal(202, bob.ReceiveResponse(202).StatusCode);
        var toCarol = carol.ReceiveRequest("INVITE").Message;
        Answer(dave, erin, toErin);
        Assert.Equal(2, fixture.Hooks.Admission.Usage("hq").ConnectedCalls);
        Assert.Equal(1, fixture.Hooks.Admission.Usage("hq").BorrowingCalls);

        carol.Send(carol.Response(toCarol, 200, "OK", "c1", Flows.Sdp));
        carol.ReceiveRequest("ACK");
        var bye = carol.ReceiveRequest("BYE").Message; // the target is released: its answer did not fit
        carol.Send(carol.Response(bye, 200, "OK", "c1"));
        var notify = FinalNotify(bob);

        Assert.Equal("SIP/2.0 503 Service Unavailable\r\nWarning: 399 centrex \"site Head office: max outgoing calls 2 reached\"\r\n",
            notify.Text(notify.Body));
        AssertOneLimitRefusal(fixture);
    }

    [Fact]
    public async Task Refer_OnASiteWhoseSlotsAreFull_Is503ServiceUnavailable_WithTheLimitInAWarning_AndCounted()
    {
        await using var fixture = Switch(maxOutgoing: 1);
        using var phones = new Phones(fixture.Endpoint, Alice, Bob);
        var (alice, bob) = phones;
        var (invite, _) = Flows.AnsweredCall(alice, bob);

        bob.Send(Refer(bob, invite));
        var refused = bob.ReceiveFinal();

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("Service Unavailable", refused.Text(refused.ReasonPhrase));
        Assert.Contains("\r\nWarning: 399 centrex \"site Head office: max outgoing calls 1 reached\"\r\n", Encoding.UTF8.GetString(refused.Bytes), StringComparison.Ordinal);
        AssertOneLimitRefusal(fixture);
    }

    private static void AssertOneLimitRefusal(HookedSwitch fixture)
    {
        var metrics = fixture.Switch.Metrics;
        Assert.Equal(1, metrics.Refusals(RefusalReason.Limits));
        Assert.Equal(1, Enum.GetValues<RefusalReason>().Sum(r => metrics.Refusals(r)));
    }

    /// <summary><paramref name="callee"/> registers; <paramref name="caller"/>'s call to <paramref name="extension"/> rings it: its INVITE.</summary>
    private static SipMessage Ring(TestPhone caller, TestPhone callee, string extension)
    {
        Assert.Equal(200, Flows.Register(callee).StatusCode);
        Flows.Invite(caller, extension);
        var invite = callee.ReceiveRequest("INVITE").Message;
        callee.Send(callee.Response(invite, 180, "Ringing", "e1"));
        Assert.Equal(180, caller.ReceiveResponse(180).StatusCode);
        return invite;
    }

    /// <summary><paramref name="callee"/> answers the ringing <paramref name="invite"/>; both ACKs are through.</summary>
    private static void Answer(TestPhone caller, TestPhone callee, SipMessage invite)
    {
        callee.Send(callee.Response(invite, 200, "OK", "e1", Flows.Sdp));
        var ok = caller.ReceiveResponse(200);
        caller.Send(Flows.InDialog(caller, ok, "ACK", 2));
        callee.ReceiveRequest("ACK");
    }

    /// <summary>The NOTIFY that ends the refer subscription; each NOTIFY is answered 200 as a phone would (no retransmissions).</summary>
    private static SipMessage FinalNotify(TestPhone phone)
    {
        while (true)
        {
            var notify = phone.ReceiveRequest("NOTIFY").Message;
            phone.Send(phone.Response(notify, 200, "OK", "b1"));
            if (Encoding.UTF8.GetString(notify.Bytes).Contains("Subscription-State: terminated", StringComparison.Ordinal))
            {
                return notify;
            }
        }
    }

    private static string Refer(TestPhone bob, SipMessage invite) =>
        Flows.FromCallee(bob, invite, "b1", "REFER", 1).Replace("Content-Length", "Refer-To: <sip:103@centrex.test>\r\nContent-Length", StringComparison.Ordinal);

    private HookedSwitch Switch(int maxOutgoing)
    {
        static string Account(string id, string ext) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "ha1Sha256": "{{DigestAuthenticator.Ha1(true, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        var accounts = string.Join(", ", new[] { Alice, Bob, Carol, Dave, Erin }.Select(id => Account(id, id[^3..])));
        var json = $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5", "SHA-256"],
          "sites": [ { "id": "hq", "name": "Head office", "maxOutgoing": {{maxOutgoing.ToString(CultureInfo.InvariantCulture)}} } ],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{accounts}} ]
        }
        """;
        return new HookedSwitch(_clock, new IPEndPoint(IPAddress.Loopback, 9), directoryJson: json);
    }
}
