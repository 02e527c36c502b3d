using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Support;

/// <summary>Common message exchanges: registering with digest, placing an authenticated INVITE.</summary>
internal static class Flows
{
    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    /// <summary>REGISTER, 401, REGISTER with credentials; returns the final response.</summary>
    public static SipMessage Register(TestPhone phone, string password = SwitchFixture.Password, string algorithm = "MD5", int expires = 3600)
    {
        var callId = Guid.NewGuid().ToString("N");
        var uri = $"sip:{SwitchFixture.Realm}";
        var to = $"<sip:{phone.User}@{SwitchFixture.Realm}>";
        phone.Send(phone.Request("REGISTER", uri, callId, phone.NextCSeq(), "reg", to, $"Expires: {expires}\r\n"));
        var challenge = phone.ReceiveFinal();
        Assert.Equal(401, challenge.StatusCode);
        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, phone.User, password, "REGISTER", uri, algorithm);
        phone.Send(phone.Request("REGISTER", uri, callId, phone.NextCSeq(), "reg", to, $"Expires: {expires}\r\nAuthorization: {authorization}\r\n"));
        return phone.ReceiveFinal();
    }

    /// <summary>Sends an INVITE, takes the 407, sends it again with credentials; returns the Call-ID and the From tag.</summary>
    public static (string CallId, string Tag, string Branch, string Invite) Invite(TestPhone phone, string dialed)
    {
        var callId = Guid.NewGuid().ToString("N");
        var uri = $"sip:{dialed}@{SwitchFixture.Realm}";
        phone.Send(phone.Request("INVITE", uri, callId, 1, "a1", body: Sdp));
        var challenge = phone.ReceiveResponse(407);
        phone.Send(AckFor(phone, challenge, uri));
        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, phone.User, SwitchFixture.Password, "INVITE", uri);
        var branch = phone.NextBranch();
        var invite = phone.Request("INVITE", uri, callId, 2, "a1", extra: $"Proxy-Authorization: {authorization}\r\n", body: Sdp, branch: branch);
        phone.Send(invite);
        return (callId, "a1", branch, invite);
    }

    /// <summary>
    /// <paramref name="bob"/> (extension 102) registers and <paramref name="alice"/>'s authenticated call to 102 reaches
    /// him: returns the INVITE bob received, not yet answered.
    /// </summary>
    public static SipMessage CallBob(TestPhone alice, TestPhone bob)
    {
        Register(bob);
        Invite(alice, "102");
        return bob.ReceiveRequest("INVITE").Message;
    }

    /// <summary>
    /// A registered <paramref name="bob"/> (extension 102) answers <paramref name="alice"/>'s call and both ACKs are
    /// through: returns bob's INVITE and alice's 200.
    /// </summary>
    public static (SipMessage Invite, SipMessage Ok) AnsweredCall(TestPhone alice, TestPhone bob)
    {
        var invite = CallBob(alice, bob);
        bob.Send(bob.Response(invite, 200, "OK", "b1", Sdp));
        var ok = alice.ReceiveResponse(200);
        alice.Send(InDialog(alice, ok, "ACK", 2));
        bob.ReceiveRequest("ACK");
        return (invite, ok);
    }

    /// <summary>
    /// Waits until the switch has handled everything this phone sent: an OPTIONS goes after it on the same socket and
    /// the switch reads one socket in order, so its 200 means the earlier messages were processed.
    /// </summary>
    public static void Sync(TestPhone phone, SipSwitch sipSwitch)
    {
        // The probe comes after everything the phone sent (one UDP reader keeps the order into the router); once it is
        // answered, every partition is run to the end of what the router gave it and the send stage flushed, so what
        // those messages caused, in whichever partition, has happened and was sent.
        var callId = Guid.NewGuid().ToString("N");
        phone.Send(phone.Request("OPTIONS", $"sip:{SwitchFixture.Realm}", callId, 1, "s"));
        phone.Receive(m => !m.IsRequest && m.Text(m.CallId) == callId);
        sipSwitch.Quiesce();
    }

    /// <summary>A phone rings on the next INVITE it receives (180 with <paramref name="tag"/>): returns the INVITE.</summary>
    public static SipMessage Ring(TestPhone phone, string tag)
    {
        var invite = phone.ReceiveRequest("INVITE").Message;
        phone.Send(phone.Response(invite, 180, "Ringing", tag));
        return invite;
    }

    /// <summary>The CANCEL for a ringing INVITE, as a phone takes it (RFC 3261 §9.2): 200 to it, 487 to the INVITE, and the ACK.</summary>
    public static void TakeCancel(TestPhone phone, SipMessage invite, string tag)
    {
        var cancel = phone.ReceiveRequest("CANCEL").Message;
        phone.Send(phone.Response(cancel, 200, "OK", tag));
        phone.Send(phone.Response(invite, 487, "Request Terminated", tag));
        phone.ReceiveRequest("ACK");
    }

    /// <summary>
    /// A feature code dialed from <paramref name="phone"/> (<c>*72NUMBER</c>, <c>*73*</c>...): the switch answers 200 and
    /// hangs up; the ACK and the 200 to its BYE are sent.
    /// </summary>
    public static void Dial(TestPhone phone, string code)
    {
        Invite(phone, code);
        var ok = phone.ReceiveResponse(200);
        phone.Send(InDialog(phone, ok, "ACK", 2));
        var bye = phone.ReceiveRequest("BYE").Message;
        phone.Send(phone.Response(bye, 200, "OK", string.Empty));
    }

    /// <summary>The ACK for a non-2xx final response (same branch as the INVITE, §17.1.1.3).</summary>
    public static string AckFor(TestPhone phone, SipMessage response, string uri)
    {
        var via = response.Text(response.Find(SipHeaderKind.Via));
        return $"ACK {uri} SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n" +
            $"From: {response.Text(response.Find(SipHeaderKind.From))}\r\nTo: {response.Text(response.Find(SipHeaderKind.To))}\r\n" +
            $"Call-ID: {response.Text(response.CallId)}\r\nCSeq: {response.CSeq} ACK\r\nContent-Length: 0\r\n\r\n";
    }

    /// <summary>A request in the dialog a 2xx created, from the caller's side (ACK, BYE).</summary>
    public static string InDialog(TestPhone phone, SipMessage ok, string method, int cseq)
    {
        var target = ok.Text(ok.Contact.Uri.Whole);
        return $"{method} {target} SIP/2.0\r\nVia: SIP/2.0/UDP {phone.Local};branch={phone.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
            $"From: {ok.Text(ok.Find(SipHeaderKind.From))}\r\nTo: {ok.Text(ok.Find(SipHeaderKind.To))}\r\n" +
            $"Call-ID: {ok.Text(ok.CallId)}\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";
    }

    /// <summary>A request in the dialog an INVITE received created, from the callee's side (BYE from the callee).</summary>
    public static string FromCallee(TestPhone phone, SipMessage invite, string toTag, string method, int cseq)
    {
        var target = invite.Text(invite.Contact.Uri.Whole);
        return $"{method} {target} SIP/2.0\r\nVia: SIP/2.0/UDP {phone.Local};branch={phone.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
            $"From: {invite.Text(invite.Find(SipHeaderKind.To))};tag={toTag}\r\nTo: {invite.Text(invite.Find(SipHeaderKind.From))}\r\n" +
            $"Call-ID: {invite.Text(invite.CallId)}\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";
    }
}
