using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// In-dialog work: the 2xx to the caller and its retransmission until ACK (§13.3.1.4), BYE from either side
/// (§15.1), CANCEL towards the callee (§9.1), and the duration caps.
/// </summary>
internal sealed partial class B2bua
{
    public void OnCancel(ServerTransaction invite)
    {
        if (!_calls.TryGetValue(invite.Request.Text(invite.Request.CallId), out var call))
        {
            invite.Respond(487, "Request Terminated");
            return;
        }

        if (call.State != CallState.Trying)
        {
            return;
        }

        call.Cancelled = true;
        CancelB(call);
        invite.Respond(487, "Request Terminated"); // §9.2: the INVITE gets 487 once the CANCEL is accepted.
        if (call.BInvite is null)
        {
            End(call, CallDisposition.Cancelled, 487);
        }
    }

    private void CancelB(Call call)
    {
        if (call.BInvite is not { State: TransactionState.Calling or TransactionState.Proceeding })
        {
            return;
        }

        if (call.BProvisional)
        {
            SendCancel(call);
        }
        else
        {
            call.CancelPending = true;
        }
    }

    /// <summary>§9.1: CANCEL copies the INVITE's Request-URI, Call-ID, From, To, CSeq number and its top Via.</summary>
    private void SendCancel(Call call)
    {
        var invite = call.BInvite!;
        byte[] bytes;
        if (call.BOverride is null && invite.CSeq == 1 && call.BInviteUri.Length > 0)
        {
            // The INVITE was SendBInvite's: its lines are the call's, written again as they were (the Via from the same
            // transport, address and branch), with no parse of the INVITE kept by the transaction.
            var b = _requestBuilder.Clear().RequestLine("CANCEL"u8, call.BInviteUri);
            LegInviteWriter.WriteVia(b, invite.Kind, LocalText(invite.Kind), invite.Branch);
            b.Raw("Max-Forwards: 70\r\n"u8);
            b.Header("From"u8, call.BFrom).Header("To"u8, call.BTo).Header("Call-ID"u8, call.BCallId);
            bytes = b.Raw("CSeq: 1 CANCEL\r\n"u8).Body([]).ToArray();
        }
        else
        {
            var r = invite.Request;
            var b = _requestBuilder.Clear().RequestLine("CANCEL"u8, r.Text(r.RequestUri.Whole)); // §9.1: the INVITE's Request-URI
            b.Raw("Via: "u8).Raw(r[r.Find(SipHeaderKind.Via)]).Crlf();
            b.Raw("Max-Forwards: 70\r\n"u8);
            b.Raw("From: "u8).Raw(r[r.Find(SipHeaderKind.From)]).Crlf();
            b.Raw("To: "u8).Raw(r[r.Find(SipHeaderKind.To)]).Crlf();
            b.Raw("Call-ID: "u8).Raw(r[r.CallId]).Crlf();
            b.Raw("CSeq: "u8).Number(r.CSeq).Raw(" CANCEL\r\n"u8);
            bytes = b.Body([]).ToArray();
        }

        _stack.SendRequest(bytes, invite.Branch, call.BKind, call.BDestination!, call.BConnection, this, call);
        invite.Cancelled();
    }

    private void OnBye(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var callId = request.Text(request.CallId);
        if (!_calls.TryGetValue(callId, out var call) || call.State != CallState.Answered)
        {
            transaction.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }

        End(call, CallDisposition.Answered, 200); // the CDR is out before either side hears back.
        transaction.Respond(200, "OK");
        if (callId == call.BCallId)
        {
            ByeA(call);
        }
        else
        {
            ByeB(call);
        }
    }

    private void OnCap(Call call)
    {
        if (call.State != CallState.Answered)
        {
            return;
        }

        // The 120-minute cap (seed 001) or the balance's maximum duration: both legs are released.
        End(call, CallDisposition.Answered, 200);
        ByeA(call);
        ByeB(call);
    }

    /// <summary>The final response to the caller's INVITE; a 2xx is retransmitted over UDP until ACK (§13.3.1.4).</summary>
    private void SendAFinal(Call call, int status, string reason, ReadOnlyMemory<byte> sdp, string? extra = null)
    {
        var builder = call.AInvite.Begin(status, reason);
        builder.Header("Contact"u8, OurContact(call.ASource.Kind, AIsSips(call)));
        builder.Raw("Allow: "u8).Text(AllowedMethods).Crlf();
        if (extra is not null)
        {
            builder.Text(extra);
        }
        call.AFinal = builder.Body(sdp.Span, sdp.IsEmpty ? null : "application/sdp").ToArray();
        if (call.ASource.Kind == SipTransportKind.Udp)
        {
            call.AFinalInterval = SipTimerValues.T1;
            call.AFinalElapsed = SipTimerValues.T1;
            call.AFinalTimer = StartCallTimer(call, call.AFinalInterval, CallTimer.AFinal);
        }

        call.AInvite.Send(call.AFinal, status);
    }

    private void RetransmitAFinal(Call call)
    {
        var elapsed = call.AFinalElapsed;
        if (call.AAcked || call.State != CallState.Answered || call.AFinal is null)
        {
            return;
        }

        if (elapsed >= SipTimerValues.Timeout)
        {
            // §13.3.1.4: no ACK after 64*T1: the dialog is confirmed and then ended with BYE.
            End(call, CallDisposition.Failed, 200);
            ByeA(call);
            ByeB(call);
            return;
        }

        _stack.Metrics.CountRetransmissionSent(request: false);
        call.AInvite.Send(call.AFinal, 200);
        call.AFinalInterval = Duration.Min(call.AFinalInterval * 2, SipTimerValues.T2);
        call.AFinalElapsed = elapsed + call.AFinalInterval;
        call.AFinalTimer = StartCallTimer(call, call.AFinalInterval, CallTimer.AFinal);
    }

    /// <summary>BYE to the caller, in the dialog where the switch is the UAS: From and To swap, the switch's own CSeq.</summary>
    private void ByeA(Call call)
    {
        if (call.Parked is { ParkerWasCaller: true })
        {
            return; // the parker's leg was released when the call was parked
        }

        var branch = _stack.NewBranch();
        _stack.SendRequest(BuildARequest(call, "BYE", ++call.ALocalCSeq, branch, null, ReadOnlyMemory<byte>.Empty), branch,
            call.ASource.Kind, call.ASource.Remote, call.ASource.Connection, this, call);
    }

    /// <summary>
    /// A request in the caller's dialog, where the switch is the UAS of the INVITE: to the caller's remote target, From
    /// and To swapped, the switch's own CSeq; target-refresh requests (re-INVITE, UPDATE) carry our Contact (§12.2.1.1).
    /// </summary>
    private byte[] BuildARequest(Call call, string method, int cseq, string branch, string? extra, ReadOnlyMemory<byte> body,
        string? contentType = null)
    {
        var kind = call.ASource.Kind;
        if (call.AOverride is { } dialog)
        {
            return BuildDialogRequest(dialog, call.ARemoteTarget, kind, method, cseq, branch, extra, body, contentType); // a transfer's party
        }

        var a = call.ARequest;
        var b = RequestLine(method, call.ARemoteTarget);
        LegInviteWriter.WriteVia(b, kind, LocalText(kind), branch);
        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Raw("From: "u8).Raw(a[a.Find(SipHeaderKind.To)]);
        if (a.To.Tag.IsEmpty)
        {
            b.Raw(";tag="u8).Text(call.AInvite.LocalTag);
        }

        b.Crlf();
        b.Raw("To: "u8).Raw(a[a.Find(SipHeaderKind.From)]).Crlf();
        b.Raw("Call-ID: "u8).Raw(a[a.CallId]).Crlf();
        b.Raw("CSeq: "u8).Number(cseq).Raw(" "u8).Text(method).Crlf();
        WriteDialogExtras(b, method, kind, AIsSips(call), extra);
        return b.Body(body.Span, body.IsEmpty ? null : contentType ?? "application/sdp").ToArray();
    }

    private void ByeB(Call call)
    {
        if (call.Parked is { ParkerWasCaller: false })
        {
            return; // the parker's leg was released when the call was parked
        }

        if (call.BDestination is null || (call.BRemoteTag.Length == 0 && call.BOverride is null))
        {
            return;
        }

        var branch = _stack.NewBranch();
        _stack.SendRequest(BuildBRequest(call, "BYE", ++call.BLocalCSeq, branch), branch, call.BKind, call.BDestination, call.BConnection, this, call);
    }

    /// <summary>A request in the callee's dialog (ACK for its 2xx, BYE, a relayed re-INVITE): to its remote target, with its tag.</summary>
    private byte[] BuildBRequest(Call call, string method, int cseq, string branch, string? toTag = null, string? extra = null,
        ReadOnlyMemory<byte> body = default, string? contentType = null)
    {
        if (call.BOverride is { } dialog)
        {
            return BuildDialogRequest(dialog, call.BRemoteTarget, call.BKind, method, cseq, branch, extra, body, contentType); // a transfer's party
        }

        toTag ??= call.BRemoteTag;
        var b = RequestLine(method, call.BRemoteTarget);
        LegInviteWriter.WriteVia(b, call.BKind, LocalText(call.BKind), branch);
        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Header("From"u8, call.BFrom);
        b.Raw("To: "u8).Text(call.BTo);
        if (toTag.Length > 0)
        {
            b.Raw(";tag="u8).Text(toTag);
        }

        b.Crlf().Header("Call-ID"u8, call.BCallId);
        b.Raw("CSeq: "u8).Number(cseq).Raw(" "u8).Text(method).Crlf();
        WriteDialogExtras(b, method, call.BKind, BIsSips(call), extra);
        return b.Body(body.Span, body.IsEmpty ? null : contentType ?? "application/sdp").ToArray();
    }

    /// <summary>A request line in the partition's reused builder: the request's bytes are taken from it before the next one.</summary>
    private SipBuilder RequestLine(string method, string uri) =>
        _requestBuilder.Clear().Text(method).Raw(" "u8).Text(uri).Raw(" SIP/2.0\r\n"u8);

    /// <summary>Our Contact on target-refresh requests (§12.2.1.1), and the headers a relayed request carries across.</summary>
    private void WriteDialogExtras(SipBuilder b, string method, SipTransportKind kind, bool sips, string? extra)
    {
        if (method is "INVITE" or "UPDATE")
        {
            b.Header("Contact"u8, OurContact(kind, sips));
            b.Raw("Allow: "u8).Text(AllowedMethods).Crlf();
        }

        if (extra is not null)
        {
            b.Text(extra);
        }
    }
}
