using Centrex.Switch.Routing;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>The callee's leg: the INVITE the switch sends, and what it does with each response (RFC 3261 §13.2.2).</summary>
internal sealed partial class B2bua
{
    private void SendBInvite(Call call, Route route)
    {
        var a = call.ARequest;
        var branch = _stack.NewBranch();
        var local = LocalText(call.BKind);
        var fork = call.Parent?.Fork;
        var display = call.LegDisplay is { } shown ? $"\"{shown.Replace("\"", "'", StringComparison.Ordinal)}\" "
            : fork is not null ? fork.CallerDisplay ??= CallerDisplay(a) : CallerDisplay(a); // the caller's: once per call
        call.BCallId = _stack.NewCallId();
        var callerAccount = call.Info.AccountId is { } id ? _directory.FindAccount(id) : null;
        var emergency = call.Info.Emergency;

        // Toward emergency services the caller is a number a call-back reaches, asserted (RFC 3325); with none, anonymous
        // (RFC 3323 §4.1.1.3) rather than the account id, which no PSAP can dial.
        var identity = emergency ? EmergencyCallBack(callerAccount) : call.LegCaller ?? call.Info.Caller;
        var (from, identityHeaders) = !emergency ? OutgoingIdentity(call, display, local) // B2bua.Identity
            : identity is null ? ("\"Anonymous\" <sip:anonymous@anonymous.invalid>", null) : ($"{display}<sip:{identity}@{local}>", null);
        call.BFrom = string.Concat(from, ";tag=", _stack.NewTag());
        call.BTo = string.Concat("<sip:", route.Number ?? call.Info.Dialed, "@", local, ">");
        call.BInviteUri = call.BRemoteTarget; // a CANCEL names it again (§9.1) after a provisional may have moved the target
        Track(call, call.BCallId);

        var b = _inviteWriter.Begin(call.BRemoteTarget, call.BKind, local, branch, call.BFrom, call.BTo, call.BCallId, OurContact(call.BKind, BIsSips(call)));
        AppendIdentityHeaders(b, identityHeaders);
        if (call.HandedOver && call.BKind == SipTransportKind.Internal && callerAccount is not null)
        {
            b.Header(CallingAccountHeader, callerAccount.Id); // for the callee's partition's CDR (B2bua.CallingAccount)
            b.Header(DialedHeader, call.Info.Dialed);
        }

        if (call.Alert is { } alert)
        {
            b.Text(alert); // paging or the internal ring (B2bua.Alert.cs)
        }

        if (fork is not null && !emergency)
        {
            // Every leg of the call shares the rest, made once: the legs share the call's media, so one rewritten offer.
            b.Raw(fork.InviteTail ??= TailOf(call));
        }
        else if (!emergency)
        {
            var offer = call.Media!.RewriteOffer(call.Offer);
            LegInviteWriter.WriteTail(b, a, offer.Span, offer.IsEmpty ? null : "application/sdp");
        }
        else
        {
            var offer = call.Media!.RewriteOffer(call.Offer);
            var contentType = offer.IsEmpty ? null : "application/sdp";
            if (identity is not null)
            {
                b.Header("P-Asserted-Identity"u8, $"<sip:{identity}@{local}>");
            }

            b.Raw("Priority: emergency\r\n"u8); // RFC 3261 §20.26
            if (callerAccount?.EmergencyLocation is { } where)
            {
                // The service address goes with the call by value (RFC 6442): the SDP and a PIDF-LO, one multipart body.
                var location = $"loc-{call.BCallId}";
                (var body, contentType) = EmergencyBody.Build(offer, where, $"pres:{identity ?? "anonymous"}@{local}", location, _stack.Clock.Now);
                offer = body;
                b.Header("Geolocation"u8, $"<cid:{location}>").Raw("Geolocation-Routing: no\r\n"u8);
            }

            LegInviteWriter.WriteTail(b, a, offer.Span, contentType);
        }

        call.BInvite = _stack.SendRequest(b.ToArray(), branch, call.BKind, call.BDestination!, call.BConnection, this, call);
    }

    /// <summary>
    /// The number an emergency call shows (issue 14): the line's DID, else its customer's main number, else the
    /// operator's emergency call-back number; null when none is provisioned. Never the account id.
    /// </summary>
    private string? EmergencyCallBack(Provisioning.SwitchAccount? line)
    {
        var number = line is null ? _directory.EmergencyCallback
            : line.Dids.Count > 0 ? line.Dids[0]
            : _directory.FindCustomer(line.CustomerId)?.CallerId ?? _directory.EmergencyCallback;
        return number is null ? null : "+" + number;
    }

    /// <summary>The INVITE's part every leg of a call shares (LegInviteWriter.Tail), with the call's offer as the callee sees it.</summary>
    private byte[] TailOf(Call leg)
    {
        var offer = leg.Media!.RewriteOffer(leg.Offer);
        return _inviteWriter.Tail(leg.ARequest, offer.Span, offer.IsEmpty ? null : "application/sdp");
    }

    /// <summary>The caller's display name as the From of the callee's leg shows it (with its space), or nothing.</summary>
    private static string CallerDisplay(SipMessage a) => a.From.DisplayName.IsEmpty ? string.Empty : $"\"{a.Text(a.From.DisplayName)}\" ";

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (transaction.UserState is RelayedRequest relay)
        {
            OnRelayedResponse(relay, transaction, response);
            return;
        }

        if (TryTransferResponse(transaction, response))
        {
            return; // a transfer's INVITE to its target, or its re-INVITE to the party that stays
        }

        if (transaction.UserState is not Call call)
        {
            return;
        }

        if (transaction.Method != SipMethod.Invite)
        {
            return; // BYE and CANCEL responses need nothing more.
        }

        if (call.Parent is { } parent)
        {
            OnLegResponse(parent, call, response); // one of several parties a flow, forwarding or hunt group rings
            return;
        }

        call.BResponded = true;
        var status = response.StatusCode;
        if (status < 200)
        {
            OnBProvisional(call, response, status);
        }
        else if (status < 300)
        {
            OnBAnswered(call, response);
        }
        else
        {
            OnBFailed(call, response, status);
        }
    }

    public void OnTimeout(ClientTransaction transaction)
    {
        if (transaction.UserState is RelayedRequest relay)
        {
            OnRelayedTimeout(relay);
            return;
        }

        if (transaction.UserState is Transfer transfer)
        {
            OnTransferTimeout(transfer, transaction);
            return;
        }

        if (transaction.UserState is Call { Parent: { } parent } leg && transaction.Method == SipMethod.Invite)
        {
            LegEnded(parent, leg, 408, "Request Timeout");
            return;
        }

        if (transaction.UserState is not Call call || transaction.Method != SipMethod.Invite || call.State != CallState.Trying)
        {
            return;
        }

        // Timer B: the callee never answered the INVITE at all (§8.1.3.1: as if 408).
        End(call, call.Cancelled ? CallDisposition.Cancelled : CallDisposition.NoAnswer, call.Cancelled ? 487 : 408);
        if (!call.Cancelled)
        {
            call.AInvite.Respond(408, "Request Timeout");
        }
    }

    private void OnBProvisional(Call call, SipMessage response, int status)
    {
        call.BProvisional = true;
        if (call.BEarlyTag.Length == 0 && !response.To.Tag.IsEmpty)
        {
            call.BEarlyTag = response.Text(response.To.Tag); // the early dialog a PRACK goes in (RFC 3262 §4)
            if (response.HasContact && !response.ContactIsStar)
            {
                call.BRemoteTarget = response.Text(response.Contact.Uri.Whole); // §12.1.2: the early dialog's target
            }
        }
        if (call.CancelPending)
        {
            call.CancelPending = false;
            SendCancel(call); // §9.1: CANCEL waits for a provisional response.
        }

        if (status == 100 || call.State != CallState.Trying || call.Cancelled)
        {
            return;
        }

        var body = response[response.Body];
        var builder = call.AInvite.Begin(status, response.Text(response.ReasonPhrase));
        builder.Header("Contact"u8, OurContact(call.ASource.Kind, AIsSips(call)));

        // A reliable provisional (RFC 3262) passes through with its RSeq: the caller PRACKs it (OnPrack) and the callee
        // retransmits it until then, so the switch keeps nothing for it.
        CopyHeader(builder, response, "Require");
        CopyHeader(builder, response, "RSeq");
        var sdp = body.IsEmpty ? ReadOnlyMemory<byte>.Empty : call.Media!.RewriteAnswer(body.ToArray());
        call.AInvite.Send(builder.Body(sdp.Span, sdp.IsEmpty ? null : "application/sdp").ToArray(), status);
    }

    /// <summary>
    /// ACKs a 2xx from <paramref name="call"/>'s B side (a call's callee or one forked leg) and takes its dialog's tag and
    /// target; false when it was a retransmitted 2xx, ACKed again, with nothing more to do.
    /// </summary>
    private bool AckBAnswer(Call call, SipMessage response)
    {
        if (call.BAck is not null)
        {
            _stack.Metrics.CountRetransmissionSent(request: true);
            _stack.Send(call.BKind, call.BDestination!, call.BAck, call.BConnection); // a retransmitted 2xx: ACK again.
            return false;
        }

        call.BRemoteTag = response.Text(response.To.Tag);
        if (response.HasContact && !response.ContactIsStar)
        {
            call.BRemoteTarget = response.Text(response.Contact.Uri.Whole);
        }

        call.BAck = BuildBRequest(call, "ACK", 1, _stack.NewBranch());
        _stack.Send(call.BKind, call.BDestination!, call.BAck, call.BConnection);
        call.BInvite?.Acked(call.BAck, call.BKind, call.BDestination!, call.BConnection);
        call.NoAnswerTimer.Cancel();
        return true;
    }

    private void OnBAnswered(Call call, SipMessage response)
    {
        // The call is answered when its 200 arrives: read the clock before the ACK goes out, so nothing the ACK sets in
        // motion (a peer's next request, a test advancing the manual clock) can move the billed answer later.
        var answeredAt = _stack.Clock.Now;
        if (!AckBAnswer(call, response))
        {
            return;
        }

        if (call.State != CallState.Trying || call.Cancelled)
        {
            if (call.State == CallState.Trying)
            {
                End(call, CallDisposition.Cancelled, 487); // the CANCEL crossed the 200: the caller already has its 487
            }

            ByeB(call); // the caller gave up while the callee answered: release the callee (§15).
            return;
        }

        ConnectB(call, response, answeredAt);
    }

    /// <summary>The callee answered and the caller is still there: the admission's codec check, then 200 to the caller.</summary>
    private void ConnectB(Call call, SipMessage response, NodaTime.Instant answeredAt)
    {
        call.NoAnswerTimer.Cancel();
        call.Answer = response[response.Body].ToArray();
        var admission = _hooks.Admission.Answered(call.Info, call.Answer);
        if (!admission.Admitted)
        {
            ByeB(call);
            var warning = WarningHeader(admission.Warning);
            End(call, CallDisposition.RefusedByLimit, 503, answeredAt);
            call.AInvite.Respond(admission.Status == 0 ? 503 : admission.Status, "Service Unavailable", warning);
            return;
        }

        call.State = CallState.Answered;
        call.AnswerTime = answeredAt;
        call.AnsweredBy = call.BAccount; // a fork's winner was adopted as the B side (B2bua.Forks.cs Adopt) before this
        NoteUsed(call.Info.AccountId); // least-used hunting (B2bua.Flows.cs): both lines were used now
        if (call.Fork is null)
        {
            NoteUsed(call.Info.CalleeAccountId); // a fork's callee is the leg that won (noted in OnLegAnswered), not the number dialed
        }
        StartCap(call);
        SendAFinal(call, 200, "OK", call.Answer.IsEmpty ? ReadOnlyMemory<byte>.Empty : call.Media!.RewriteAnswer(call.Answer), OfferHeadersOf(response));
    }

    private void OnBFailed(Call call, SipMessage response, int status)
    {
        if (call.State != CallState.Trying)
        {
            return;
        }

        call.NoAnswerTimer.Cancel();
        if (call.Cancelled)
        {
            End(call, CallDisposition.Cancelled, 487);
            return;
        }

        // Busy, decline, unavailable and the rest reach the caller with the callee's status (§16.7 step 6 in spirit).
        var extra = status == 503 ? null : response.Find(SipHeaderKind.Warning) is { IsEmpty: false } w ? $"Warning: {response.Text(w)}\r\n" : null;
        var disposition = status switch
        {
            486 or 600 => CallDisposition.Busy,
            408 or 480 => CallDisposition.NoAnswer,
            487 => CallDisposition.Cancelled,
            _ => CallDisposition.Failed,
        };
        End(call, disposition, status);
        call.AInvite.Respond(status, response.Text(response.ReasonPhrase), extra);
    }

    /// <summary>The offer headers of <paramref name="response"/> as header lines, for the response relayed to the caller.</summary>
    private static string? OfferHeadersOf(SipMessage response)
    {
        var headers = new System.Text.StringBuilder();
        foreach (var name in OfferHeaders)
        {
            AppendHeader(headers, response, name);
        }

        return headers.Length == 0 ? null : headers.ToString();
    }


}
