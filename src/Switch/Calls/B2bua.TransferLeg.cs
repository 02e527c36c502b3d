using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// A transfer's target leg: its responses become NOTIFYs to the transferor; its 2xx completes the transfer (the
/// target takes the transferor's side of the call, the transferee is re-INVITEd toward it, the transferor released).
/// </summary>
internal sealed partial class B2bua
{
    private bool TryTransferResponse(ClientTransaction transaction, SipMessage response)
    {
        if (transaction.UserState is RemainderReInvite again)
        {
            OnRemainderResponse(again, response);
            return true;
        }

        if (transaction.UserState is ParkRetrieval retrieval)
        {
            OnParkRetrievalResponse(retrieval, response);
            return true;
        }

        if (transaction.UserState is Call picked && ReferenceEquals(picked.PickedUpInvite, transaction))
        {
            OnPickedUpLegResponse(transaction, response);
            return true;
        }

        if (transaction.UserState is not Transfer transfer || transaction.Method != SipMethod.Invite)
        {
            return transaction.UserState is Transfer; // the target's answers to anything else need nothing
        }

        var status = response.StatusCode;
        if (status < 200)
        {
            OnTransferProvisional(transfer, response, status);
        }
        else if (status < 300)
        {
            OnTransferAnswered(transfer, transaction, response);
        }
        else if (!transfer.Done)
        {
            var disposition = status switch
            {
                486 or 600 => CallDisposition.Busy,
                408 or 480 => CallDisposition.NoAnswer,
                487 => CallDisposition.Cancelled,
                _ => CallDisposition.Failed,
            };
            FailTransfer(transfer, status, response.Text(response.ReasonPhrase), disposition);
        }

        return true;
    }

    private void OnTransferProvisional(Transfer transfer, SipMessage response, int status)
    {
        transfer.Provisional = true;
        if (transfer.CancelPending)
        {
            transfer.CancelPending = false;
            SendTransferCancel(transfer); // §9.1: CANCEL waits for a provisional response
        }

        if (status > 100 && !transfer.Done)
        {
            Notify(transfer, status, response.Text(response.ReasonPhrase), final: false); // RFC 3515 §2.4.5: progress
        }
    }

    private void OnTransferAnswered(Transfer transfer, ClientTransaction transaction, SipMessage response)
    {
        // The target answered when its 200 arrived: the old segment's end and the new one's answer, read before the ACK
        // goes out (as a call's answer, B2bua.Legs.cs OnBAnswered).
        var answeredAt = _stack.Clock.Now;
        if (transfer.Ack is not null)
        {
            _stack.Metrics.CountRetransmissionSent(request: true);
            Send(transaction, transfer.Ack); // a retransmitted 2xx: our ACK was lost
            return;
        }

        if (transfer.Consult is { } consult)
        {
            // Attended: a re-INVITE in the consultation call's dialog with the target; its ACK goes in that dialog.
            var caller = transfer.TargetIsConsultCaller;
            if (response.HasContact && !response.ContactIsStar)
            {
                SetRemoteTarget(consult, caller, response.Text(response.Contact.Uri.Whole));
                transfer.TargetContact = response.Text(response.Contact.Uri.Whole);
            }

            transfer.Ack = caller ? BuildARequest(consult, "ACK", transfer.TargetCSeq, _stack.NewBranch(), null, ReadOnlyMemory<byte>.Empty)
                : BuildBRequest(consult, "ACK", transfer.TargetCSeq, _stack.NewBranch(), null, null, ReadOnlyMemory<byte>.Empty);
        }
        else
        {
            transfer.Target = transfer.Target! with { To = $"{transfer.Target.To};tag={response.Text(response.To.Tag)}" };
            if (response.HasContact && !response.ContactIsStar)
            {
                transfer.TargetContact = response.Text(response.Contact.Uri.Whole);
            }

            transfer.Ack = BuildDialogRequest(transfer.Target, transfer.TargetContact, transfer.TargetKind, "ACK", 1, _stack.NewBranch(), null,
                ReadOnlyMemory<byte>.Empty, null);
        }

        Send(transaction, transfer.Ack);
        if (transfer.Done)
        {
            if (transfer.Consult is null)
            {
                ByeTransferTarget(transfer); // abandoned while ringing (the parties hung up, or no answer in time)
            }

            return;
        }

        if (transfer.Admitted && transfer.Consult is null && transfer.Ringback is null)
        {
            // The leg to the target connects on the transferor's site (seed 004 counts connected calls): a site whose
            // connected slots filled while the target rang releases the target, and the transferor keeps the call.
            var connected = _hooks.Admission.Answered(transfer.Segment!, response[response.Body].ToArray());
            if (!connected.Admitted)
            {
                // Refused as every admission refusal is (B2bua.Invite.cs): standard reason phrase, the limit in a Warning
                // the final NOTIFY's sipfrag carries to the transferor, counted under "limits" in /metrics.
                _stack.Metrics.CountRefusal(Metrics.RefusalReason.Limits);
                ByeTransferTarget(transfer);
                FailTransfer(transfer, connected.Status == 0 ? 503 : connected.Status, "Service Unavailable", CallDisposition.RefusedByLimit,
                    connected.Warning);
                return;
            }
        }

        CompleteTransfer(transfer, response[response.Body].ToArray(), answeredAt);
    }

    /// <summary>A blind transfer's target that answered is released with BYE (its ACK was sent).</summary>
    private void ByeTransferTarget(Transfer transfer)
    {
        var branch = _stack.NewBranch();
        _stack.SendRequest(BuildDialogRequest(transfer.Target!, transfer.TargetContact, transfer.TargetKind, "BYE", 2, branch, null,
            ReadOnlyMemory<byte>.Empty, null), branch, transfer.TargetKind, transfer.TargetDestination!, transfer.TargetConnection, this);
    }

    /// <summary>
    /// The target answered: the call so far ends as one CDR, the target takes the transferor's side, the transferee is
    /// re-INVITEd with the target's SDP, the transferor hears 200 in a final NOTIFY and is released with BYE.
    /// <paramref name="now"/> is when the target's 200 arrived: the old segment's end, the new segment's answer.
    /// </summary>
    private void CompleteTransfer(Transfer transfer, ReadOnlyMemory<byte> targetSdp, NodaTime.Instant now)
    {
        var call = transfer.Call;
        transfer.NoAnswerTimer.Cancel();
        transfer.Done = true;
        call.Transfer = null;
        var side = transfer.TransferorIsCaller;
        if (transfer.Ringback is not null)
        {
            CompleteRingback(transfer, targetSdp);
            return;
        }

        // The transferor's dialog is kept apart for the final NOTIFY and the BYE.
        transfer.Transferor = SideHeaders(call, side);
        transfer.TransferorTarget = side ? call.ARemoteTarget : call.BRemoteTarget;
        transfer.TransferorKind = side ? call.ASource.Kind : call.BKind;
        transfer.TransferorDestination = side ? call.ASource.Remote : call.BDestination;
        transfer.TransferorConnection = side ? call.ASource.Connection : call.BConnection;
        transfer.TransferorCSeq = side ? call.ALocalCSeq : call.BLocalCSeq;
        transfer.Swapped = true;

        // The segment up to now: its own CDR (unless the partition it was handed to records it), admission and media released.
        call.CapTimer.Cancel();
        if (call.Admitted)
        {
            _hooks.Admission.Release(call.Info);
        }

        if (!(call.HandedOver && call.BResponded))
        {
            _stack.Metrics.CountCallEnded(CallDisposition.Answered);
            _hooks.Cdrs.Emit(new CallEnd(call.Info, call.AnswerTime, now, CallDisposition.Answered, 200, call.Offer, call.Answer));
        }

        call.Media?.Dispose();
        var consult = transfer.Consult;
        var answerTime = consult?.AnswerTime ?? now;
        if (consult is not null)
        {
            RetireConsult(transfer, consult);
        }

        var target = MoveTargetIn(transfer, targetSdp);
        call.Info = transfer.Segment! with { SipCallId = side ? target.CallId : SideHeaders(call, true).CallId };
        call.Admitted = transfer.Admitted;
        call.MaxDuration = transfer.MaxDuration;
        call.AnswerTime = answerTime;
        call.HandedOver = transfer.HandedOver;
        var cap = CapFor(call) - (now - answerTime);
        call.CapTimer = call.Info.Emergency ? default : StartCallTimer(call, cap > Duration.Zero ? cap : Duration.Zero, CallTimer.Cap);

        // The transferee hears the target from now on: the target's SDP as its new offer, through the new media session.
        var toRemaining = side ? transfer.Media!.RewriteOffer(targetSdp) : transfer.Media!.RewriteAnswer(targetSdp);
        ReInviteRemaining(call, toCaller: !side, toRemaining);

        Notify(transfer, 200, "OK", final: true);
        SendToTransferor(transfer, "BYE", null, ReadOnlyMemory<byte>.Empty, null);
    }

    /// <summary>The target's dialog takes the transferor's side of the call (its key, its headers, its transport, its SDP).</summary>
    private DialogHeaders MoveTargetIn(Transfer transfer, ReadOnlyMemory<byte> targetSdp)
    {
        var call = transfer.Call;
        var side = transfer.TransferorIsCaller;
        _calls.Remove(side ? SideHeaders(call, true).CallId : call.BCallId);
        var target = transfer.Target!;
        if (side)
        {
            call.AOverride = target;
            call.ARemoteTarget = transfer.TargetContact;
            call.ASource = new SipSource(transfer.TargetKind, transfer.TargetDestination!, transfer.TargetConnection);
            call.ALocalCSeq = transfer.TargetCSeq;
            call.AAccount = transfer.TargetAccount;
            call.Offer = targetSdp;
        }
        else
        {
            call.BOverride = target;
            call.BCallId = target.CallId;
            call.BRemoteTarget = transfer.TargetContact;
            call.BRemoteTag = "moved"; // in BOverride's To; non-empty marks the dialog confirmed
            call.BKind = transfer.TargetKind;
            call.BDestination = transfer.TargetDestination;
            call.BConnection = transfer.TargetConnection;
            call.BLocalCSeq = transfer.TargetCSeq;
            call.BAck = transfer.Ack;
            call.BEarlyTag = string.Empty;
            call.BAccount = transfer.TargetAccount;
            call.Answer = targetSdp;
        }

        Track(call, target.CallId);
        call.BResponded = true;
        call.Media = transfer.Media;
        call.ReInviteFinal?.Timer.Cancel();
        call.ReInviteFinal = null;
        call.PendingOffer = null;
        return target;
    }

    /// <summary>
    /// Attended: the consultation call has given its target side to the transferred call; what is left of it (the
    /// transferor's leg) is released with BYE, and the call is no longer counted. Its CDR goes on in the merged call.
    /// </summary>
    private void RetireConsult(Transfer transfer, Call consult)
    {
        var transferorIsCaller = !transfer.TargetIsConsultCaller;
        if (transferorIsCaller)
        {
            ByeA(consult);
        }
        else
        {
            ByeB(consult);
        }

        Count(consult, -1, confirmed: consult.AAcked);

        consult.State = CallState.Ended;
        consult.Transfer = null;
        consult.NoAnswerTimer.Cancel();
        consult.CapTimer.Cancel();
        consult.AFinalTimer.Cancel();
        consult.ReInviteFinal?.Timer.Cancel();
        Untrack(consult);
        consult.Media?.Dispose();
    }

    /// <summary>
    /// A transfer that did not happen: the transferor hears why and keeps the transferee (RFC 5589 §6); a limit that
    /// refused it is named in a Warning in the final NOTIFY's sipfrag.
    /// </summary>
    private void FailTransfer(Transfer transfer, int status, string reason, CallDisposition disposition, string? limit = null)
    {
        transfer.Done = true;
        transfer.NoAnswerTimer.Cancel();
        transfer.Call.Transfer = null;
        ReleaseTargetLeg(transfer, disposition, status);
        if (transfer.Ringback is { } parked)
        {
            Repark(transfer.Call, parked); // the parker did not take it back: it waits in its slot again
            return;
        }

        Notify(transfer, status, reason, final: true, limit);
    }

    /// <summary>A party of the call hung up while the transfer was under way: the target's leg is given up.</summary>
    private void AbandonTransfer(Transfer transfer)
    {
        if (transfer.Done)
        {
            return;
        }

        transfer.Done = true;
        transfer.NoAnswerTimer.Cancel();
        transfer.Call.Transfer = null;
        if (transfer.Consult is null && transfer.Invite is { State: TransactionState.Calling or TransactionState.Proceeding })
        {
            if (transfer.Provisional)
            {
                SendTransferCancel(transfer);
            }
            else
            {
                transfer.CancelPending = true;
            }
        }

        ReleaseTargetLeg(transfer, CallDisposition.Cancelled, 487);
    }

    /// <summary>What a blind transfer's attempt held is given back, and the attempt recorded (its CDR releases any hold).</summary>
    private void ReleaseTargetLeg(Transfer transfer, CallDisposition disposition, int status)
    {
        transfer.Media?.Dispose();
        if (transfer.Ringback is not null)
        {
            return; // the parked call's own CDR goes on; nothing was authorized for the ringback
        }

        if (transfer.Consult is { } consult)
        {
            consult.Transfer = null;
            return; // attended: the consultation call goes on as it was, with its own CDR
        }

        if (transfer.Admitted)
        {
            _hooks.Admission.Release(transfer.Segment!);
        }

        _stack.Metrics.CountCallEnded(disposition);
        _hooks.Cdrs.Emit(new CallEnd(transfer.Segment!, null, _stack.Clock.Now, disposition, status, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty));
    }

    /// <summary>The transfer target's ring time, on the wheel with the transfer as its target (B2bua.Timers.cs: no closure).</summary>
    private void StartTransferNoAnswer(Transfer transfer)
    {
        transfer.Timers = this;
        transfer.NoAnswerTimer = _stack.StartTimer(_options.NoAnswerTimeout, transfer, 0);
    }

    void ICallTimers.OnTransferNoAnswer(Transfer transfer) => OnTransferNoAnswer(transfer);

    private void OnTransferNoAnswer(Transfer transfer)
    {
        if (transfer.Done)
        {
            return;
        }

        if (transfer.Provisional)
        {
            SendTransferCancel(transfer);
        }
        else
        {
            transfer.CancelPending = true;
        }

        FailTransfer(transfer, 480, "Temporarily Unavailable", CallDisposition.NoAnswer);
    }

    private void OnTransferTimeout(Transfer transfer, ClientTransaction transaction)
    {
        if (transaction.Method == SipMethod.Invite && !transfer.Done)
        {
            FailTransfer(transfer, 408, "Request Timeout", CallDisposition.NoAnswer); // §8.1.3.1: as if 408
        }
    }

    /// <summary>§9.1: CANCEL for the target's INVITE, copying its Request-URI, Call-ID, From, To, CSeq and top Via.</summary>
    private void SendTransferCancel(Transfer transfer)
    {
        if (transfer.Invite is not { State: TransactionState.Calling or TransactionState.Proceeding } invite)
        {
            return;
        }

        var r = invite.Request;
        var b = new Sip.Writing.SipBuilder(512).RequestLine("CANCEL"u8, r.Text(r.RequestUri.Whole));
        b.Raw("Via: "u8).Raw(r[r.Find(SipHeaderKind.Via)]).Crlf();
        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Raw("From: "u8).Raw(r[r.Find(SipHeaderKind.From)]).Crlf();
        b.Raw("To: "u8).Raw(r[r.Find(SipHeaderKind.To)]).Crlf();
        b.Raw("Call-ID: "u8).Raw(r[r.CallId]).Crlf();
        b.Raw("CSeq: "u8).Number(r.CSeq).Raw(" CANCEL\r\n"u8);
        _stack.SendRequest(b.Body([]).ToArray(), invite.Branch, transfer.TargetKind, transfer.TargetDestination!, transfer.TargetConnection, this);
        invite.Cancelled();
    }

    /// <summary>The re-INVITE that points the transferee at the target (its 2xx is ACKed here, its answer needs no relaying).</summary>
    private void ReInviteRemaining(Call call, bool toCaller, ReadOnlyMemory<byte> sdp)
    {
        var branch = _stack.NewBranch();
        if (toCaller)
        {
            var cseq = ++call.ALocalCSeq;
            _stack.SendRequest(BuildARequest(call, "INVITE", cseq, branch, null, sdp), branch, call.ASource.Kind, call.ASource.Remote,
                call.ASource.Connection, this, new RemainderReInvite(call, true, cseq));
        }
        else
        {
            var cseq = ++call.BLocalCSeq;
            _stack.SendRequest(BuildBRequest(call, "INVITE", cseq, branch, null, null, sdp), branch, call.BKind, call.BDestination!,
                call.BConnection, this, new RemainderReInvite(call, false, cseq));
        }
    }

    private void OnRemainderResponse(RemainderReInvite reInvite, SipMessage response)
    {
        var call = reInvite.Call;
        if (response.StatusCode is < 200 or >= 300 || call.State == CallState.Ended)
        {
            return; // a refusal leaves the transferee where it was: nothing better to offer it
        }

        if (response.HasContact && !response.ContactIsStar)
        {
            SetRemoteTarget(call, reInvite.ToCaller, response.Text(response.Contact.Uri.Whole));
        }

        reInvite.Ack ??= reInvite.ToCaller
            ? BuildARequest(call, "ACK", reInvite.CSeq, _stack.NewBranch(), null, ReadOnlyMemory<byte>.Empty)
            : BuildBRequest(call, "ACK", reInvite.CSeq, _stack.NewBranch(), null, null, ReadOnlyMemory<byte>.Empty);
        if (reInvite.ToCaller)
        {
            _stack.Send(call.ASource.Kind, call.ASource.Remote, reInvite.Ack, call.ASource.Connection);
        }
        else
        {
            _stack.Send(call.BKind, call.BDestination!, reInvite.Ack, call.BConnection);
        }
    }
}
