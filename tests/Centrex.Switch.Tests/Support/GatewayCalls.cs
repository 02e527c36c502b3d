using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Support;

/// <summary>Calls out from a phone through the trunk to a gateway phone (the tests of <see cref="Hooks.HookedSwitch"/>).</summary>
internal static class GatewayCalls
{
    /// <summary>An authenticated call from <paramref name="phone"/> that the switch refuses: its final response (acknowledged).</summary>
    public static SipMessage Refused(TestPhone phone, string dialed)
    {
        var (callId, _, _, _) = Flows.Invite(phone, dialed);
        var final = phone.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.Text(m.CallId) == callId).Message;
        phone.Send(Flows.AckFor(phone, final, $"sip:{dialed}@centrex.test"));
        return final;
    }

    /// <summary>A call the gateway answers, acknowledged by the caller: the caller's 200.</summary>
    public static SipMessage Answered(TestPhone phone, TestPhone gateway, string dialed)
    {
        var (callId, _, _, _) = Flows.Invite(phone, dialed);
        var (invite, _) = gateway.ReceiveRequest("INVITE");
        gateway.Send(gateway.Response(invite, 200, "OK", "g" + callId[..6], Flows.Sdp));
        var ok = phone.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == callId).Message;
        phone.Send(Flows.InDialog(phone, ok, "ACK", 2));
        gateway.ReceiveRequest("ACK");
        return ok;
    }

    /// <summary>The caller hangs up the call <paramref name="ok"/> answered; the gateway agrees.</summary>
    public static void HangUp(TestPhone phone, TestPhone gateway, SipMessage ok)
    {
        phone.Send(Flows.InDialog(phone, ok, "BYE", 3));
        var (bye, _) = gateway.ReceiveRequest("BYE");
        gateway.Send(gateway.Response(bye, 200, "OK", bye.Text(bye.To.Tag)));
        phone.Receive(m => !m.IsRequest && m.StatusCode == 200 && m.Text(m.CallId) == ok.Text(ok.CallId));
    }
}
