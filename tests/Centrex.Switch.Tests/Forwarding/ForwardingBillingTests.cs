using System.Net;
using Centrex.Rating.Money;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Forwarding;

/// <summary>
/// Seed 001 "How are forwarded calls billed?" against the running switch, wired as <c>serve --tariff</c> wires it (real
/// rating, real ledger): a forwarded call is the forwarding account's call, charged to it; a flow's Call to phone node
/// charges the account it names; a forward past the site's Max Number of Forwarded Calls (seed 004) is refused; and
/// only the leg that answers is billed: a line of ours answering a follow-me call after its external number started
/// ringing costs nothing and is not cut at what the forwarder could afford, and the second external number of a list
/// is priced as itself. Ann (103, prepaid, Default site) calls; Ben (102, credit, site hq) forwards; Al (101, credit,
/// site hq) pays when a node names him. The trunk is a phone on a real socket; the clock is manual.
/// </summary>
public sealed class ForwardingBillingTests : IAsyncLifetime
{
    private const string Al = HookedSwitch.Caller;
    private const string Ben = HookedSwitch.Callee;
    private const string Ann = HookedSwitch.Prepaid;
    private const string NorthAmerica = "12125551234"; // 60 mills a started minute (TestTariff)
    private const string Germany = "4930901820";      // 100 mills a started minute

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1));
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));
    private readonly TestPhone _gateway = new(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
    private HookedSwitch? _fixture;

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }

        _guard.Dispose();
    }

    /// <summary>The switch with site hq's forwarded-call limit and Ben's credit limit, and Ben's forwarding or flow.</summary>
    private HookedSwitch Start(int? maxForwarded = null, string? benCreditLimit = null, LineForwarding? benForwarding = null, FlowDefinition? flow = null)
    {
        static string Account(string id, string ext, string site, string type, string? creditLimit = null) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "{{site}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "ha1Sha256": "{{DigestAuthenticator.Ha1(true, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "{{type}}" {{(creditLimit is null ? "" : $", \"creditLimit\": \"{creditLimit}\"")}} }""";
        var json = $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5", "SHA-256"],
          "sites": [ { "id": "hq", "name": "Head office" {{(maxForwarded is { } max ? $", \"maxForwarded\": {max}" : "")}} } ],
          "trunks": [ { "id": "pstn", "address": "{{_gateway.Local}}", "sources": ["{{_gateway.Local}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Al, "101", "hq", "credit")}}, {{Account(Ben, "102", "hq", "credit", benCreditLimit)}}, {{Account(Ann, "103", "default", "debit")}} ]
        }
        """;
        _fixture = new HookedSwitch(_clock, directoryJson: json);
        _gateway.Retarget(_fixture.Endpoint);
        var forwarding = benForwarding is null ? null : new Dictionary<string, LineForwarding> { [Ben] = benForwarding };
        _fixture.Live.Replace(new FeatureDirectory(_fixture.Directory, "acme", DateTimeZone.Utc, flows: flow is null ? null : [flow], forwarding: forwarding));
        return _fixture;
    }

    private static LineForwarding Always(bool simultaneous, params (string Number, int RingFor)[] targets) =>
        new(ForwardWhen.Always, 20, simultaneous, [.. targets.Select(t => new ForwardTarget(t.Number, t.RingFor, []))]);

    /// <summary>The gateway rings (180) on the INVITE for <paramref name="number"/> and returns it.</summary>
    private SipMessage GatewayRings(string number, string tag)
    {
        var invite = _gateway.ReceiveRequest("INVITE").Message;
        Assert.StartsWith($"INVITE sip:{number}@", System.Text.Encoding.UTF8.GetString(invite.Bytes), StringComparison.Ordinal);
        _gateway.Send(_gateway.Response(invite, 180, "Ringing", tag));
        return invite;
    }

    /// <summary>
    /// Ann calls Ben, whose follow-me list rings Al's phone (101) for 10 s: it rings, the manual clock runs out its ring
    /// time and it takes the CANCEL; returns what Ann hears next.
    /// </summary>
    private SipMessage AlRingsOut(TestPhone ann, TestPhone al, HookedSwitch fixture)
    {
        Assert.Equal(200, Flows.Register(al).StatusCode);
        Flows.Invite(ann, "102");
        var ringing = Flows.Ring(al, "a1");
        Flows.Sync(ann, fixture.Switch);

        _clock.Advance(Duration.FromSeconds(10));
        Flows.TakeCancel(al, ringing, "a1");
        return ann.ReceiveFinal();
    }

    /// <summary>The Warning header's value, or null.</summary>
    private static string? WarningOf(SipMessage response) =>
        response.Find(SipHeaderKind.Warning) is { IsEmpty: false } warning ? response.Text(warning) : null;

    /// <summary><paramref name="callee"/> answers; the caller's 200 comes back and is acknowledged.</summary>
    private static SipMessage Answered(TestPhone caller, TestPhone callee, SipMessage invite, string tag)
    {
        callee.Send(callee.Response(invite, 200, "OK", tag, Flows.Sdp));
        var ok = caller.ReceiveResponse(200);
        caller.Send(Flows.InDialog(caller, ok, "ACK", 2));
        callee.ReceiveRequest("ACK");
        return ok;
    }

    /// <summary>The caller hangs up after <paramref name="seconds"/>; the other side answers the BYE; every CDR is charged.</summary>
    private List<SwitchCdr> HangUpAfter(int seconds, TestPhone caller, SipMessage ok, TestPhone callee)
    {
        _clock.Advance(Duration.FromSeconds(seconds));
        caller.Send(Flows.InDialog(caller, ok, "BYE", 3));
        var bye = callee.ReceiveRequest("BYE").Message;
        callee.Send(callee.Response(bye, 200, "OK", "x"));
        Assert.Equal(200, caller.ReceiveResponse(200).StatusCode);
        Flows.Sync(caller, _fixture!.Switch);
        _fixture.WaitForCdrs(_guard.Token);
        return [.. CdrStore.Read(_fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1))];
    }

    [Theory]
    [InlineData(Al, Al)]    // the node names the account that pays (seed 003 Call to phone)
    [InlineData(null, Ben)] // no account named: the line the flow answers for
    public void CallToPhone_TheForwardedCallIsChargedToThePayer_TheCallerPaysNothing(string? account, string payer)
    {
        var flow = new FlowDefinition("out", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=mobile"),
            FeatureDirectory.Node("mobile", "call-to-phone", $"number={NorthAmerica};ring_for=30" + (account is null ? "" : $";account={account}"))]);
        var fixture = Start(flow: flow);
        using var ann = new TestPhone(fixture.Endpoint, Ann);

        Flows.Invite(ann, "102");
        var ok = Answered(ann, _gateway, GatewayRings(NorthAmerica, "g1"), "g1");
        var cdrs = HangUpAfter(61, ann, ok, _gateway);

        var cdr = Assert.Single(cdrs);
        Assert.Equal((payer, NorthAmerica, true, 61L, true), (cdr.Account, cdr.CalleeNormalized, cdr.Forwarded, cdr.BillableSeconds, cdr.IsChargeable));
        Assert.True(fixture.Ledger.ContainsCdr(cdr.Id));
        Assert.Equal(new Mills(-120), fixture.Ledger.Store.Balance(payer)); // two started minutes
        foreach (var other in new[] { Al, Ben, Ann }.Where(a => a != payer))
        {
            Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(other));
        }
    }

    [Fact]
    public void AForwardPastTheSitesForwardedCallLimit_IsRefused503_TheConnectedOneIsCharged()
    {
        var fixture = Start(maxForwarded: 1, benForwarding: Always(false, (NorthAmerica, 30)));
        using var ann = new TestPhone(fixture.Endpoint, Ann);
        using var al = new TestPhone(fixture.Endpoint, Al);
        Flows.Invite(ann, "102");
        var ok = Answered(ann, _gateway, GatewayRings(NorthAmerica, "g1"), "g1");
        Assert.Equal(1, fixture.Hooks.Admission.Usage("hq").ForwardedCalls);

        // Site hq's one forwarded call is connected: Al's call to Ben cannot go out as Ben's forwarded call (seed 004).
        Flows.Invite(al, "102");
        var refused = al.ReceiveFinal();
        // Named as every other admission refusal names its limit (B2bua.Invite.cs), and counted as one.
        Assert.Equal((503, "Service Unavailable"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.Equal("399 centrex \"site Head office: max forwarded calls 1 reached\"", WarningOf(refused));
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Limits));
        Flows.Sync(al, fixture.Switch);
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);

        var cdrs = HangUpAfter(30, ann, ok, _gateway);
        var refusedCdr = cdrs.Single(c => c.Caller == Al);
        Assert.Equal((CallDisposition.RefusedByLimit, false), (refusedCdr.Disposition, refusedCdr.IsChargeable));
        var forwarded = cdrs.Single(c => c.Caller == Ann);
        Assert.Equal((Ben, true, 30L), (forwarded.Account, forwarded.Forwarded, forwarded.BillableSeconds));
        Assert.Equal(new Mills(-60), fixture.Ledger.Store.Balance(Ben));
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(Al));
        Assert.True(fixture.Hooks.Admission.Usage("hq").IsIdle);
    }

    [Fact]
    public void FollowMe_TheSecondNumberIsRefusedByTheLimitAfterTheFirstRangOut_TheCallerGets503NamingTheLimit()
    {
        // Site hq allows no forwarded call: Al's phone (101) rings its 10 s, then the external number cannot go out.
        var fixture = Start(maxForwarded: 0, benForwarding: Always(false, ("101", 10), (NorthAmerica, 30)));
        using var phones = new Phones(fixture.Endpoint, Ann, Al);
        var (ann, al) = phones;
        var refused = AlRingsOut(ann, al, fixture);

        Assert.Equal((503, "Service Unavailable"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.Equal("399 centrex \"site Head office: max forwarded calls 0 reached\"", WarningOf(refused));
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Limits));
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
        Flows.Sync(ann, fixture.Switch);
        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1)));
        Assert.Equal((CallDisposition.RefusedByLimit, false, string.Empty), (cdr.Disposition, cdr.IsChargeable, cdr.AnsweredBy));
    }

    [Fact]
    public void FollowMe_TheFirstNumberIsRefusedByTheLimit_TheNextRingsOut_TheCallerGetsItsFailureWithTheLimitsWarning()
    {
        // The refused forward does not end the list: Al's phone rings next. It rings out, so the caller hears that
        // failure (480), and the Warning says why the forwarded number never rang.
        var fixture = Start(maxForwarded: 0, benForwarding: Always(false, (NorthAmerica, 30), ("101", 10)));
        using var phones = new Phones(fixture.Endpoint, Ann, Al);
        var (ann, al) = phones;
        var final = AlRingsOut(ann, al, fixture);

        Assert.Equal(480, final.StatusCode);
        Assert.Equal("399 centrex \"site Head office: max forwarded calls 0 reached\"", WarningOf(final));
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Limits));
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
    }

    [Fact]
    public void FollowMe_TheLinesOwnPhoneAnswersAfterTheExternalLegStarted_NothingIsChargedOrHeld_AndTheCallIsNotCut()
    {
        // Ben can afford one minute out (credit limit 60 mills): his forwarded call would be cut after 60 s.
        var fixture = Start(benCreditLimit: "0.060", benForwarding: Always(true, (NorthAmerica, 30), ("102", 30)));
        using var ann = new TestPhone(fixture.Endpoint, Ann);
        using var ben = new TestPhone(fixture.Endpoint, Ben);
        Assert.Equal(200, Flows.Register(ben).StatusCode);

        Flows.Invite(ann, "102");
        var external = GatewayRings(NorthAmerica, "g1");
        var own = ben.ReceiveRequest("INVITE").Message;
        Flows.Sync(ann, fixture.Switch);
        Assert.Equal(new Mills(60), fixture.Hooks.Balance.Held(Ben)); // the external leg started as Ben's forwarded call
        Assert.Equal(1, fixture.Hooks.Admission.Usage("hq").ForwardedCalls);

        var ok = Answered(ann, ben, own, "b1");
        Flows.TakeCancel(_gateway, external, "g1");
        Flows.Sync(ann, fixture.Switch);
        Assert.Equal(Mills.Zero, fixture.Hooks.Balance.Held(Ben)); // not Ben's outgoing call after all
        Assert.Equal((0, 0), (fixture.Hooks.Admission.Usage("hq").ForwardedCalls, fixture.Hooks.Admission.Usage("hq").Calls));
        Assert.Equal(1, fixture.Hooks.Admission.Usage("default").ConnectedCalls); // Ann's call to a line, on her site

        _clock.Advance(Duration.FromSeconds(119)); // past what Ben could afford out
        Flows.Sync(ann, fixture.Switch);
        Assert.DoesNotContain(ann.Drain(), m => m.IsRequest && m.Method == SipMethod.Bye);
        var cdr = Assert.Single(HangUpAfter(1, ann, ok, ben));

        Assert.Equal((Ben, false, 120L, CallDisposition.Answered, false), (cdr.Account, cdr.Forwarded, cdr.BillableSeconds, cdr.Disposition, cdr.IsChargeable));
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(Ben));
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(Ann));
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);
    }

    [Fact]
    public void FollowMe_AColleaguePicksUpTheLinesRingingPhoneWhileTheExternalNumberRings_NothingIsChargedOrHeld()
    {
        var fixture = Start(benCreditLimit: "0.060", benForwarding: Always(true, (NorthAmerica, 30), ("102", 30)));
        using var ann = new TestPhone(fixture.Endpoint, Ann);
        using var ben = new TestPhone(fixture.Endpoint, Ben);
        using var al = new TestPhone(fixture.Endpoint, Al);
        Assert.Equal(200, Flows.Register(ben).StatusCode);
        Flows.Invite(ann, "102");
        var external = GatewayRings(NorthAmerica, "g1");
        var own = ben.ReceiveRequest("INVITE").Message;
        ben.Send(ben.Response(own, 180, "Ringing", "b1"));
        Flows.Sync(ann, fixture.Switch);
        Assert.Equal(new Mills(60), fixture.Hooks.Balance.Held(Ben));

        Flows.Invite(al, "**102"); // directed pickup of Ben's ringing phone
        Flows.TakeCancel(ben, own, "b1");
        Flows.TakeCancel(_gateway, external, "g1");
        var alOk = al.ReceiveResponse(200);
        var annOk = ann.ReceiveResponse(200);
        al.Send(Flows.InDialog(al, alOk, "ACK", 2));
        ann.Send(Flows.InDialog(ann, annOk, "ACK", 2));
        Flows.Sync(ann, fixture.Switch);
        Assert.Equal(Mills.Zero, fixture.Hooks.Balance.Held(Ben));
        Assert.Equal(0, fixture.Hooks.Admission.Usage("hq").ForwardedCalls);

        _clock.Advance(Duration.FromSeconds(119)); // past what Ben could afford out
        Flows.Sync(ann, fixture.Switch);
        Assert.DoesNotContain(ann.Drain(), m => m.IsRequest && m.Method == SipMethod.Bye);
        var cdr = Assert.Single(HangUpAfter(1, ann, annOk, al));

        Assert.Equal((false, 120L, false), (cdr.Forwarded, cdr.BillableSeconds, cdr.IsChargeable));
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(Ben));
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);
    }

    [Fact]
    public void FollowMe_TheSecondExternalNumberAnswers_TheCallIsPricedAsThatNumber()
    {
        var fixture = Start(benForwarding: Always(false, (NorthAmerica, 10), (Germany, 30)));
        using var ann = new TestPhone(fixture.Endpoint, Ann);
        Flows.Invite(ann, "102");
        var first = GatewayRings(NorthAmerica, "g1");
        Flows.Sync(ann, fixture.Switch);
        _clock.Advance(Duration.FromSeconds(10)); // its ring_for: CANCEL, then the next number, sent together
        var cancel = _gateway.ReceiveRequest("CANCEL").Message;
        var second = GatewayRings(Germany, "g2");
        _gateway.Send(_gateway.Response(cancel, 200, "OK", "g1"));
        _gateway.Send(_gateway.Response(first, 487, "Request Terminated", "g1"));
        _gateway.ReceiveRequest("ACK");
        var ok = Answered(ann, _gateway, second, "g2");

        var cdr = Assert.Single(HangUpAfter(30, ann, ok, _gateway));

        Assert.Equal((Ben, Germany, true, 30L), (cdr.Account, cdr.CalleeNormalized, cdr.Forwarded, cdr.BillableSeconds));
        Assert.Equal(new Mills(-100), fixture.Ledger.Store.Balance(Ben)); // one started minute to Germany, not North America's 60
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);
    }
}
