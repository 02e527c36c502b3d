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

namespace Centrex.Switch.Tests.Fraud;

/// <summary>
/// A forwarded call is the forwarding line's outgoing call (seed 001 "How are forwarded calls billed?"), so the line's
/// fraud controls (issue 14) apply to it exactly as to a number the line dials: a call from outside to Al's DID that
/// Al's forwarding sends to the UK is refused 403 naming the rule when Al may not call abroad, when Al's international
/// calls up are at Al's maximum, or when Al's spend cap is used up, and is counted as a fraud refusal; a forwarded
/// international call up holds Al's slot against his own calls. The trunk is a phone on a real socket (it sends the
/// inbound calls and receives the forwarded ones); the switch is wired as <c>serve --tariff</c> wires it, on a manual clock.
/// </summary>
public sealed class ForwardedFraudTests : IAsyncLifetime
{
    private const string Al = HookedSwitch.Caller;  // 101: the forwarding line, with fraud controls
    private const string Did = "16045550100";       // Al's number
    private const string Uk = "442071234567";       // 30 mills a minute, 50 to connect (TestTariff)
    private const string DialedUk = "011442071234567";
    private const string National = "12125551234";  // New York: 60 mills a minute
    private const string Germany = "493012345678";  // 100 mills a minute

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1)); // a hang fails the test, never times it
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));
    private readonly TestPhone _gateway = new(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
    private HookedSwitch? _fixture;
    private int _inbound;

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

    [Fact]
    public void InternationalBlocked_AForwardToTheUk_Refused403NamingTheRule_CountedAsFraud_NothingLeavesByTheTrunk()
    {
        var fixture = Start("\"blocked\": [\"international\"]");

        var refused = InboundRefused();

        Assert.Equal((403, "fraud control: international calls barred (blocked_classes)"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite); // no leg to the UK
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedBlockedInternational);
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud)); // centrex_sip_refusals_total{reason="fraud"}
        Assert.Equal(0, fixture.Switch.Metrics.Refusals(RefusalReason.Balance));
        Assert.Equal(1, fixture.Switch.Metrics.CallsEnded(CallDisposition.RefusedByFraud));
        Assert.Equal($"centrex: fraud control: account {Al}: call to {Uk} refused (403 fraud control: international calls barred (blocked_classes)); " +
            "its next refusals are counted, not logged, until 2026-12-05T10:00:00Z", Assert.Single(fixture.FraudLog));
        var cdr = Assert.Single(Cdrs(fixture));
        Assert.Equal((CallDisposition.RefusedByFraud, 0L), (cdr.Disposition, (long)cdr.BillableSeconds));
        Assert.Equal(0, fixture.Hooks.Fraud.CallsUp);
    }

    [Fact]
    public void MaxInternationalCalls_AForwardWhileAlsOwnCallIsUp_Refused_AndAForwardUpHoldsTheSlotAgainstAlsOwnCall()
    {
        var fixture = Start("\"maxInternationalCalls\": 1");
        using var al = new TestPhone(fixture.Endpoint, Al);

        // Al's own call to the UK takes his one international slot: the forward is refused.
        var own = AlCallsTheUk(al);
        var refused = InboundRefused();
        Assert.Equal((403, "fraud control: max_international_calls 1 reached"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);

        // Once it ends, the forward goes out; and while the forwarded call is up, Al cannot call abroad himself.
        HangUp(al, own);
        var (forwardOk, forwardInvite) = InboundForwardedAndAnswered();
        Assert.StartsWith($"INVITE sip:{Uk}@", System.Text.Encoding.UTF8.GetString(forwardInvite.Bytes), StringComparison.Ordinal);
        Flows.Invite(al, DialedUk);
        var ownRefused = al.ReceiveFinal();
        al.Send(Flows.AckFor(al, ownRefused, $"sip:{DialedUk}@centrex.test"));
        Assert.Equal((403, "fraud control: max_international_calls 1 reached"), (ownRefused.StatusCode, ownRefused.Text(ownRefused.ReasonPhrase)));

        Assert.Equal(2, fixture.Hooks.Fraud.RefusedMaxInternationalCalls);
        Assert.Equal(2, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Assert.Equal(2, fixture.Switch.Metrics.CallsEnded(CallDisposition.RefusedByFraud));
        HangUpInbound(forwardOk);
        Assert.Equal(0, fixture.Hooks.Fraud.CallsUp);
    }

    [Fact]
    public void SpendPerDay_AForwardedCallIsCutAtWhatTheCapPays_TheNextForwardIsRefused_ChargedToTheForwarder()
    {
        // 0.110 pays the UK's 0.050 connect fee and two minutes at 0.030: the forwarded call is cut at 120 s.
        var fixture = Start("\"maxSpendPerDay\": \"0.110\"");

        InboundForwardedAndAnswered();
        _clock.Advance(Duration.FromSeconds(119));
        Assert.Equal(1, fixture.Switch.ConfirmedCalls);
        _clock.Advance(Duration.FromSeconds(1));
        var byes = new[] { _gateway.ReceiveRequest("BYE").Message, _gateway.ReceiveRequest("BYE").Message }; // both legs end on the trunk
        foreach (var bye in byes)
        {
            _gateway.Send(_gateway.Response(bye, 200, "OK", bye.Text(bye.To.Tag)));
        }

        Flows.Sync(_gateway, fixture.Switch);
        Assert.Equal(0, fixture.Switch.ActiveCalls);

        var refused = InboundRefused();
        Assert.Equal((403, "fraud control: max_spend_per_day 0.110 reached"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedMaxSpendPerDay);
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        var answered = Assert.Single(Cdrs(fixture), c => c.Disposition == CallDisposition.Answered);
        Assert.Equal((Al, true, 120), (answered.Account, answered.Forwarded, answered.BillableSeconds));
        Assert.Equal(new Mills(-110), fixture.Ledger.Store.Balance(Al));
    }

    [Fact]
    public void ForwardToASipUriAtTheTrunk_Refused403_SoNoNumberReachesTheCarrierUnpriced()
    {
        // sip:<UK number>@<trunk> would be a call the carrier completes and bills to the operator, never rated for Al:
        // whatever Al's controls (none here), a number out through the trunk is forwarded as a number or not at all.
        var fixture = Start(null, $"sip:{Uk}@{_gateway.Local}");

        var refused = InboundRefused();

        Assert.Equal((403, "fraud control: sip: URI forward to a trunk (forward the number instead)"), (refused.StatusCode, refused.Text(refused.ReasonPhrase)));
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Assert.Equal(CallDisposition.RefusedByFraud, Assert.Single(Cdrs(fixture)).Disposition);
    }

    [Fact]
    public void InternationalBlocked_RingingANationalNumberAndTheUkAtOnce_OnlyTheNationalNumberIsRung_TheUkRefusedAsFraud()
    {
        // Before: only the first external number of a simultaneous forward was checked; the UK rang at the carrier for a
        // line barred from calling abroad, and was refused only if it answered (a connected call for the carrier).
        var fixture = SimultaneousForwardRingsOnly("\"blocked\": [\"international\"]", [National, Uk], National);
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedBlockedInternational);
    }

    [Fact]
    public void MaxInternationalCalls1_RingingTheUkAndGermanyAtOnce_OnlyTheUkIsRung_GermanyRefusedAsFraud()
    {
        // Each external number rung holds an international slot as the line's own call would: one slot, one number abroad.
        var fixture = SimultaneousForwardRingsOnly("\"maxInternationalCalls\": 1", [Uk, Germany], Uk);
        Assert.Equal(1, fixture.Hooks.Fraud.RefusedMaxInternationalCalls);
    }

    [Fact]
    public void MaxInternationalCalls1_TheUkBusyThenGermany_GermanyRings_AndAnsweredIsChargedToAlAtGermanysRate()
    {
        // Forwarding in turn: the UK's slot is given back once it no longer rings, so Germany (tried next) may ring.
        var fixture = Start("\"maxInternationalCalls\": 1", forwarding: new LineForwarding(ForwardWhen.Always, 20, false,
            [new ForwardTarget(Uk, 30, []), new ForwardTarget(Germany, 30, [])]));

        var callId = Inbound();
        var uk = _gateway.ReceiveRequest("INVITE").Message;
        Assert.Equal(Uk, Number(uk));
        _gateway.Send(_gateway.Response(uk, 486, "Busy Here", "uk"));
        var germany = _gateway.Receive(m => m.IsRequest && m.Method == SipMethod.Invite).Message;
        Assert.Equal(Germany, Number(germany));
        var ok = Answer(germany, "de", callId);
        Assert.Equal(1, fixture.Hooks.Fraud.CallsUp); // Germany's slot, and only it
        _clock.Advance(Duration.FromSeconds(60));
        HangUpInbound(ok);

        Assert.Equal(0, fixture.Hooks.Fraud.CallsUp);
        Assert.Equal(0, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        var answered = Assert.Single(Cdrs(fixture), c => c.Disposition == CallDisposition.Answered);
        Assert.Equal((Al, Germany, 60), (answered.Account, answered.CalleeNormalized, answered.BillableSeconds));
        Assert.Equal(new Mills(-100), fixture.Ledger.Store.Balance(Al));
    }

    [Fact]
    public void RingingANationalNumberAndTheUkAtOnce_TheUkAnswers_TheCallIsAlsUkCall_AndEveryHoldComesBack()
    {
        // The UK was authorized for itself when it rang: that authorization becomes the call's at its answer.
        var fixture = Start(null, forwarding: Simultaneous(National, Uk));

        var (callId, invites) = InboundRinging();
        Assert.Equal([National, Uk], invites.Select(Number));
        Assert.Equal(2, fixture.Hooks.Balance.Outstanding); // each number rung holds Al's money for itself
        var uk = invites[1];
        var ok = Answer(uk, "uk", callId);
        Assert.Equal(1, fixture.Hooks.Balance.Outstanding); // the national number's hold came back at the UK's answer
        _clock.Advance(Duration.FromSeconds(60));
        HangUpInbound(ok);

        var answered = Assert.Single(Cdrs(fixture), c => c.Disposition == CallDisposition.Answered);
        Assert.Equal((Al, Uk, 60), (answered.Account, answered.CalleeNormalized, answered.BillableSeconds));
        Assert.Equal(new Mills(-80), fixture.Ledger.Store.Balance(Al)); // 0.050 to connect, a minute at 0.030
        Assert.Equal(0, fixture.Hooks.Balance.Outstanding);
    }

    /// <summary>
    /// Al, with <paramref name="fraud"/>, forwards every call to <paramref name="numbers"/> at once; an inbound call
    /// rings only <paramref name="rung"/>, the other number is refused as fraud (counted once, under the rule the caller
    /// then checks), every leg rung answers busy and no international slot stays held. Returns the switch.
    /// </summary>
    private HookedSwitch SimultaneousForwardRingsOnly(string fraud, string[] numbers, string rung)
    {
        var fixture = Start(fraud, forwarding: Simultaneous(numbers));

        var (callId, invites) = InboundRinging();

        Assert.Equal([rung], invites.Select(Number));
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud));
        Busy(callId, invites);
        Assert.Equal(0, fixture.Hooks.Fraud.CallsUp);
        return fixture;
    }

    private static LineForwarding Simultaneous(params string[] numbers) =>
        new(ForwardWhen.Always, 20, true, [.. numbers.Select(n => new ForwardTarget(n, 30, []))]);

    /// <summary>An inbound call once the switch has handled it: its Call-ID and the INVITEs the trunk got for its forward.</summary>
    private (string CallId, List<SipMessage> Invites) InboundRinging()
    {
        var callId = Inbound();
        var invites = new List<SipMessage>();

        // As Flows.Sync, but keeping the INVITEs that arrive before the probe's answer (Sync's wait drops them).
        var probe = Guid.NewGuid().ToString("N");
        _gateway.Send(_gateway.Request("OPTIONS", $"sip:{SwitchFixture.Realm}", probe, 1, "s"));
        while (_gateway.Receive(m => (m.IsRequest && m.Method == SipMethod.Invite) || m.Text(m.CallId) == probe).Message is { IsRequest: true } invite)
        {
            invites.Add(invite);
        }

        _fixture!.Switch.Quiesce();
        invites.AddRange(_gateway.Drain().Where(m => m.IsRequest && m.Method == SipMethod.Invite));
        return (callId, invites);
    }

    /// <summary>Every leg rung answers busy; the caller gets the call's failure and acknowledges it.</summary>
    private void Busy(string callId, List<SipMessage> invites)
    {
        foreach (var invite in invites)
        {
            _gateway.Send(_gateway.Response(invite, 486, "Busy Here", "busy"));
        }

        var final = _gateway.Receive(m => !m.IsRequest && m.StatusCode >= 300 && m.Text(m.CallId) == callId).Message;
        _gateway.Send(Flows.AckFor(_gateway, final, $"sip:+{Did}@{SwitchFixture.Realm}"));
        Flows.Sync(_gateway, _fixture!.Switch);
    }

    /// <summary>The number an INVITE to the trunk asks for (its Request-URI's user).</summary>
    private static string Number(SipMessage invite)
    {
        var line = System.Text.Encoding.UTF8.GetString(invite.Bytes).Split("\r\n")[0];
        return line["INVITE sip:".Length..line.IndexOf('@', StringComparison.Ordinal)];
    }

    /// <summary>The switch with Al's fraud controls (the test directory's form, or none) and his forwarding of every call to <paramref name="target"/>.</summary>
    private HookedSwitch Start(string? fraud, string target = Uk, LineForwarding? forwarding = null)
    {
        static string Account(string id, string ext, string type, string? fraud = null) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "ha1Sha256": "{{DigestAuthenticator.Ha1(true, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "{{type}}" {{(fraud is null ? "" : $", \"fraud\": {{ {fraud} }}")}} }""";
        var json = $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5", "SHA-256"],
          "sites": [ { "id": "hq", "name": "Head office" } ],
          "trunks": [ { "id": "pstn", "address": "{{_gateway.Local}}", "sources": ["{{_gateway.Local}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Al, "101", "credit", fraud)}}, {{Account(HookedSwitch.Callee, "102", "credit")}} ],
          "dids": [ { "number": "{{Did}}", "account": "{{Al}}" } ]
        }
        """;
        _fixture = new HookedSwitch(_clock, directoryJson: json);
        _gateway.Retarget(_fixture.Endpoint);
        var always = forwarding ?? new LineForwarding(ForwardWhen.Always, 20, false, [new ForwardTarget(target, 30, [])]);
        _fixture.Live.Replace(new FeatureDirectory(_fixture.Directory, "acme", DateTimeZone.Utc, forwarding: new Dictionary<string, LineForwarding> { [Al] = always }));
        return _fixture;
    }

    /// <summary>A call from outside to Al's DID; returns its Call-ID.</summary>
    private string Inbound()
    {
        var callId = $"inbound-{++_inbound}";
        _gateway.Send(_gateway.Request("INVITE", $"sip:+{Did}@{SwitchFixture.Realm}", callId, 1, "g" + _inbound, body: Flows.Sdp));
        return callId;
    }

    /// <summary>An inbound call the switch refuses: its final response, acknowledged; the switch is then idle.</summary>
    private SipMessage InboundRefused()
    {
        var callId = Inbound();
        var final = _gateway.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.Text(m.CallId) == callId).Message;
        _gateway.Send(Flows.AckFor(_gateway, final, $"sip:+{Did}@{SwitchFixture.Realm}"));
        Flows.Sync(_gateway, _fixture!.Switch);
        return final;
    }

    /// <summary>An inbound call forwarded out to the UK, where the trunk answers it: the inbound side's 200 (acknowledged) and the forwarded INVITE.</summary>
    private (SipMessage Ok, SipMessage Forwarded) InboundForwardedAndAnswered()
    {
        var callId = Inbound();
        var forwarded = _gateway.ReceiveRequest("INVITE").Message;
        _gateway.Send(_gateway.Response(forwarded, 200, "OK", "uk" + _inbound, Flows.Sdp));
        var (_, ok) = ReceiveBoth(m => m.IsRequest && m.Method == SipMethod.Ack, m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == callId);
        _gateway.Send(Flows.InDialog(_gateway, ok, "ACK", 1));
        Flows.Sync(_gateway, _fixture!.Switch);
        return (ok, forwarded);
    }

    /// <summary>The trunk answers a forwarded leg's <paramref name="invite"/>: the inbound call's 200 (acknowledged), the switch then idle.</summary>
    private SipMessage Answer(SipMessage invite, string tag, string callId)
    {
        _gateway.Send(_gateway.Response(invite, 200, "OK", tag, Flows.Sdp));
        var ok = _gateway.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == callId).Message;
        _gateway.Send(Flows.InDialog(_gateway, ok, "ACK", 1));
        Flows.Sync(_gateway, _fixture!.Switch);
        return ok;
    }

    /// <summary>The inbound side hangs up a forwarded call; the trunk answers the BYE of the forwarded leg.</summary>
    private void HangUpInbound(SipMessage ok)
    {
        _gateway.Send(Flows.InDialog(_gateway, ok, "BYE", 2));
        var (bye, _) = ReceiveBoth(m => m.IsRequest && m.Method == SipMethod.Bye, m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == ok.Text(ok.CallId));
        _gateway.Send(_gateway.Response(bye, 200, "OK", bye.Text(bye.To.Tag)));
        Flows.Sync(_gateway, _fixture!.Switch);
    }

    /// <summary>Two messages the trunk gets in either order (the switch sends them at once, to the trunk's one socket).</summary>
    private (SipMessage First, SipMessage Second) ReceiveBoth(Func<SipMessage, bool> first, Func<SipMessage, bool> second)
    {
        SipMessage? a = null, b = null;
        while (a is null || b is null)
        {
            var m = _gateway.Receive(m => (a is null && first(m)) || (b is null && second(m))).Message;
            if (a is null && first(m))
            {
                a = m;
            }
            else
            {
                b = m;
            }
        }

        return (a, b);
    }

    /// <summary>Al dials the UK and the trunk answers: Al's 200 (acknowledged).</summary>
    private SipMessage AlCallsTheUk(TestPhone al)
    {
        var (callId, _, _, _) = Flows.Invite(al, DialedUk);
        var invite = _gateway.ReceiveRequest("INVITE").Message;
        _gateway.Send(_gateway.Response(invite, 200, "OK", "own", Flows.Sdp));
        var ok = al.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == callId).Message;
        al.Send(Flows.InDialog(al, ok, "ACK", 2));
        _gateway.ReceiveRequest("ACK");
        return ok;
    }

    private void HangUp(TestPhone phone, SipMessage ok)
    {
        phone.Send(Flows.InDialog(phone, ok, "BYE", 3));
        var bye = _gateway.ReceiveRequest("BYE").Message;
        _gateway.Send(_gateway.Response(bye, 200, "OK", bye.Text(bye.To.Tag)));
        phone.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == ok.Text(ok.CallId));
        Flows.Sync(phone, _fixture!.Switch);
    }

    private List<SwitchCdr> Cdrs(HookedSwitch fixture)
    {
        fixture.WaitForCdrs(_guard.Token);
        return [.. CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1))];
    }
}
