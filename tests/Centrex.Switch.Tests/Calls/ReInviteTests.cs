using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Centrex.Switch.Clock;
using Centrex.Switch.Media;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Calls;

/// <summary>
/// Issue 14: offers and answers after the call is up pass between the two dialogs with the SDP rewritten for the
/// relay (RFC 3261 §14): hold and resume from either party, a late-offer re-INVITE, UPDATE with session timers
/// (RFC 3311, RFC 4028), glare answered 491, and PRACK for a reliable provisional (RFC 3262).
/// </summary>
public sealed partial class ReInviteTests : IAsyncLifetime
{
    private const string Alice = HookedSwitch.Caller; // extension 101
    private const string Bob = HookedSwitch.Callee; // extension 102
    private const string Uri = "sip:102@centrex.test";

    private readonly HookedSwitch _fixture;
    private readonly TestPhone _alice;
    private readonly TestPhone _bob;
    private readonly int _relayPorts = UdpParty.FreeRange(8);

    public ReInviteTests()
    {
        _fixture = new HookedSwitch(new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0)), media: new MediaOptions(MediaMode.Relay, IPAddress.Loopback, _relayPorts, _relayPorts + 7));
        _alice = new TestPhone(_fixture.Endpoint, Alice);
        _bob = new TestPhone(_fixture.Endpoint, Bob);
    }

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public void HoldAndResume_FromTheCaller_PassThroughTheRelay_WithTheSdpRewrittenOnBothLegs()
    {
        var (invite, ok) = Answer();
        var bobSide = MediaPort(invite); // the relay port bob sends to
        var aliceSide = MediaPort(ok); // the relay port alice sends to

        foreach (var (offer, answer) in new[] { ("sendonly", "recvonly"), ("sendrecv", "sendrecv") })
        {
            _alice.Send(FromCaller(ok, "INVITE", Sdp(41000, offer)));
            var relayed = _bob.ReceiveRequest("INVITE").Message;
            Assert.Equal((bobSide, offer), (MediaPort(relayed), Direction(relayed)));
            Assert.Equal("127.0.0.1", Connection(relayed)); // the relay's address, never alice's own port 41000
            Assert.Equal(invite.Text(invite.CallId), relayed.Text(relayed.CallId)); // in bob's own dialog

            _bob.Send(_bob.Response(relayed, 200, "OK", "unused", Sdp(42000, answer)));
            Assert.Equal(relayed.CSeq, _bob.ReceiveRequest("ACK").Message.CSeq); // the switch ACKs bob's 2xx itself (§13.2.2.4)
            var answered = _alice.ReceiveResponse(200);
            Assert.Equal((aliceSide, answer), (MediaPort(answered), Direction(answered)));
            _alice.Send(Ack(ok, answered));
        }

        _fixture.Switch.Quiesce();
        Assert.Equal(1, _fixture.Switch.ConfirmedCalls);
    }

    [Fact]
    public void Hold_FromTheCallee_ReachesTheCallerInItsDialog()
    {
        var (invite, ok) = Answer();
        _bob.Send(FromCallee(invite, "INVITE", 1, Sdp(42000, "sendonly")));
        var relayed = _alice.ReceiveRequest("INVITE").Message;
        Assert.Equal(MediaPort(ok), MediaPort(relayed)); // alice keeps sending to her side of the relay
        Assert.Equal("sendonly", Direction(relayed));
        Assert.Equal(ok.Text(ok.CallId), relayed.Text(relayed.CallId)); // in alice's own dialog

        _alice.Send(_alice.Response(relayed, 200, "OK", "a1", Sdp(41000, "recvonly")));
        _alice.ReceiveRequest("ACK");
        var answered = _bob.ReceiveResponse(200);
        Assert.Equal((MediaPort(invite), "recvonly"), (MediaPort(answered), Direction(answered)));
    }

    [Fact]
    public void LateOfferReInvite_TheOfferComesInThe2xx_AndTheAnswerInTheAckReachesTheOtherParty()
    {
        var (invite, ok) = Answer();
        _alice.Send(FromCaller(ok, "INVITE", string.Empty));
        var relayed = _bob.ReceiveRequest("INVITE").Message;
        Assert.True(relayed.Body.IsEmpty);

        _bob.Send(_bob.Response(relayed, 200, "OK", "unused", Sdp(42000, "sendrecv")));
        var offer = _alice.ReceiveResponse(200);
        Assert.Equal(MediaPort(ok), MediaPort(offer));
        _alice.Send(Ack(ok, offer, Sdp(41000, "sendrecv")));

        var ack = _bob.ReceiveRequest("ACK").Message;
        Assert.Equal(MediaPort(invite), MediaPort(ack)); // the answer, rewritten for bob
    }

    [Fact]
    public void Glare_AReInviteWhileAnotherIsPending_Gets491()
    {
        var (invite, ok) = Answer();
        _alice.Send(FromCaller(ok, "INVITE", Sdp(41000, "sendonly")));
        var pending = _bob.ReceiveRequest("INVITE").Message;

        _bob.Send(FromCallee(invite, "INVITE", 1, Sdp(42000, "sendonly")));
        Assert.Equal(491, _bob.ReceiveResponse(491).StatusCode);

        _bob.Send(_bob.Response(pending, 200, "OK", "unused", Sdp(42000, "recvonly"))); // the first still completes
        Assert.Equal(200, _alice.ReceiveResponse(200).StatusCode);
    }

    [Fact]
    public void Update_WithSessionTimer_IsRelayed_AndItsAnswerComesBack()
    {
        var (_, ok) = Answer();
        _alice.Send(FromCaller(ok, "UPDATE", Sdp(41000, "sendrecv"), "Session-Expires: 1800;refresher=uac\r\nSupported: timer\r\n"));
        var relayed = _bob.ReceiveRequest("UPDATE").Message;
        Assert.Contains("1800", relayed.Text(relayed.Find(SipHeaderKind.SessionExpires)), StringComparison.Ordinal);

        _bob.Send(_bob.Response(relayed, 200, "OK", "unused", Sdp(42000, "sendrecv")).Replace("Content-Type", "Session-Expires: 1800;refresher=uac\r\nRequire: timer\r\nContent-Type", StringComparison.Ordinal));
        var answered = _alice.ReceiveResponse(200);
        Assert.Equal("UPDATE", answered.Text(answered.CSeqMethodName));
        Assert.Contains("1800", answered.Text(answered.Find(SipHeaderKind.SessionExpires)), StringComparison.Ordinal);
    }

    [Fact]
    public void ReliableProvisional_PassesWithItsRSeq_AndThePrackReachesTheCalleeWithItsOwnCSeq()
    {
        Assert.Equal(200, Flows.Register(_bob).StatusCode);
        var callId = Guid.NewGuid().ToString("N");
        _alice.Send(_alice.Request("INVITE", Uri, callId, 1, "a1", extra: "Supported: 100rel\r\n", body: Flows.Sdp));
        var challenge = _alice.ReceiveResponse(407);
        _alice.Send(Flows.AckFor(_alice, challenge, Uri));
        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, Alice, SwitchFixture.Password, "INVITE", Uri);
        _alice.Send(_alice.Request("INVITE", Uri, callId, 2, "a1", extra: $"Supported: 100rel\r\nProxy-Authorization: {authorization}\r\n", body: Flows.Sdp));
        var invite = _bob.ReceiveRequest("INVITE").Message;
        Assert.Contains("100rel", invite.Text(invite.Find(SipHeaderKind.Supported)), StringComparison.Ordinal);

        _bob.Send(_bob.Response(invite, 180, "Ringing", "b1").Replace("Content-Length", "Require: 100rel\r\nRSeq: 7\r\nContent-Length", StringComparison.Ordinal));
        var ringing = _alice.ReceiveResponse(180);
        Assert.Equal("7", HeaderValue(ringing, "RSeq"));

        _alice.Send($"PRACK {ringing.Text(ringing.Contact.Uri.Whole)} SIP/2.0\r\nVia: SIP/2.0/UDP {_alice.Local};branch={_alice.NextBranch()};rport\r\n" +
            $"Max-Forwards: 70\r\nFrom: {ringing.Text(ringing.Find(SipHeaderKind.From))}\r\nTo: {ringing.Text(ringing.Find(SipHeaderKind.To))}\r\n" +
            $"Call-ID: {callId}\r\nCSeq: 3 PRACK\r\nRAck: 7 2 INVITE\r\nContent-Length: 0\r\n\r\n");
        var prack = _bob.ReceiveRequest("PRACK").Message;
        Assert.Equal($"7 {invite.CSeq} INVITE", HeaderValue(prack, "RAck")); // bob's own INVITE CSeq, not alice's 2
        Assert.Equal("b1", prack.Text(prack.To.Tag));

        _bob.Send(_bob.Response(prack, 200, "OK", "b1"));
        var done = _alice.ReceiveResponse(200);
        Assert.Equal("PRACK", done.Text(done.CSeqMethodName));
    }

    /// <summary>Bob registers, alice calls 102, bob answers through the relay and both ACKs are through.</summary>
    private (SipMessage Invite, SipMessage Ok) Answer()
    {
        var invite = Flows.CallBob(_alice, _bob);
        _bob.Send(_bob.Response(invite, 200, "OK", "b1", Sdp(42000, "sendrecv")));
        var ok = _alice.ReceiveResponse(200);
        _alice.Send(Ack(ok, ok));
        _bob.ReceiveRequest("ACK");
        return (invite, ok);
    }

    private int _aliceCSeq = 2;

    /// <summary>A request from alice in her dialog (after her INVITE's CSeq 2).</summary>
    private string FromCaller(SipMessage ok, string method, string body, string extra = "") =>
        $"{method} {ok.Text(ok.Contact.Uri.Whole)} SIP/2.0\r\nVia: SIP/2.0/UDP {_alice.Local};branch={_alice.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
        $"From: {ok.Text(ok.Find(SipHeaderKind.From))}\r\nTo: {ok.Text(ok.Find(SipHeaderKind.To))}\r\nCall-ID: {ok.Text(ok.CallId)}\r\n" +
        $"CSeq: {++_aliceCSeq} {method}\r\nContact: {_alice.Contact}\r\n{extra}" +
        (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>A request from bob in his dialog with the switch (he is the callee of its INVITE).</summary>
    private string FromCallee(SipMessage invite, string method, int cseq, string body) =>
        $"{method} {invite.Text(invite.Contact.Uri.Whole)} SIP/2.0\r\nVia: SIP/2.0/UDP {_bob.Local};branch={_bob.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
        $"From: {invite.Text(invite.Find(SipHeaderKind.To))};tag=b1\r\nTo: {invite.Text(invite.Find(SipHeaderKind.From))}\r\nCall-ID: {invite.Text(invite.CallId)}\r\n" +
        $"CSeq: {cseq} {method}\r\nContact: {_bob.Contact}\r\nContent-Type: application/sdp\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>Alice's ACK for a 2xx in her dialog: the CSeq number of the INVITE it answers (§13.2.2.4).</summary>
    private string Ack(SipMessage ok, SipMessage answered, string body = "") =>
        $"ACK {ok.Text(ok.Contact.Uri.Whole)} SIP/2.0\r\nVia: SIP/2.0/UDP {_alice.Local};branch={_alice.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
        $"From: {ok.Text(ok.Find(SipHeaderKind.From))}\r\nTo: {ok.Text(ok.Find(SipHeaderKind.To))}\r\nCall-ID: {ok.Text(ok.CallId)}\r\n" +
        $"CSeq: {answered.CSeq} ACK\r\n" + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private static string Sdp(int port, string direction) =>
        $"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n";

    private static int MediaPort(SipMessage m) => int.Parse(MediaLine().Match(m.Text(m.Body)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Connection(SipMessage m) => ConnectionLine().Match(m.Text(m.Body)).Groups[1].Value;

    private static string Direction(SipMessage m) => DirectionLine().Match(m.Text(m.Body)).Groups[1].Value;

    private static string HeaderValue(SipMessage m, string name)
    {
        for (var i = 0; i < m.HeaderCount; i++)
        {
            if (string.Equals(m.Text(m.Header(i).Name), name, StringComparison.OrdinalIgnoreCase))
            {
                return m.Text(m.Header(i).Value).Trim();
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"m=audio (\d+)")]
    private static partial Regex MediaLine();

    [GeneratedRegex(@"c=IN IP4 (\S+)")]
    private static partial Regex ConnectionLine();

    [GeneratedRegex(@"a=(sendonly|recvonly|sendrecv|inactive)")]
    private static partial Regex DirectionLine();
}
