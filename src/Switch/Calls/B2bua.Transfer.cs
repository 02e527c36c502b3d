using System.Text;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Call transfer (issue 15). A phone's REFER is handled by the switch, never relayed: the switch is a B2BUA and the
/// parties only know it. The REFER (RFC 3515) gets 202, then NOTIFYs with a message/sipfrag body carry the progress
/// (100 Trying, the target's provisionals, then its final status, §2.4.5); the subscription ends with the final one.
/// Blind: the switch calls the Refer-To number as the transferor's customer would dial it (its dial plan, its trunk);
/// when the target answers, the transferee is re-INVITEd toward it and the transferor's leg is released with BYE.
/// Attended (RFC 3891): the Refer-To carries Replaces naming the transferor's consultation call; the target's side of
/// that call moves into this one (re-INVITEd toward the transferee), and both of the transferor's legs are released.
/// A failed blind transfer leaves the transferor with the transferee (RFC 5589 §6: it may take the call back).
/// Who pays (README, README-callctl.md): the call so far is one CDR, ended at the transfer; the leg to the target is
/// the transferor's call, paid by its account (seed 001: the party that causes an outgoing leg pays for it); an
/// attended transfer's consultation leg keeps its own CDR, already the transferor's, to the end of the merged call.
/// </summary>
internal sealed partial class B2bua
{
    private bool IsElsewhere(SwitchAccount account) => _partitionOf(account.CustomerId) != _stack.Partition;

    private void OnRefer(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!TryFindDialog(transaction, out var call, out var fromCaller))
        {
            return;
        }

        if (call.State != CallState.Answered || call.Feature is not null)
        {
            transaction.Respond(403, "Forbidden: only an answered call can be transferred");
            return;
        }

        if (call.Transfer is not null || call.PendingOffer is not null)
        {
            transaction.Respond(491, "Request Pending"); // one transfer, or one offer, at a time
            return;
        }

        var referTo = request.Find(SipHeaderKind.ReferTo);
        if (referTo.IsEmpty || !ReferTarget.TryParse(request.Text(referTo), out var target))
        {
            transaction.Respond(400, "Bad Request: Refer-To names no sip:, sips: or tel: URI with a user");
            return;
        }

        var directory = _directory.Current;
        var transferorId = fromCaller ? call.AAccount : call.BAccount;
        if (transferorId is null || directory.FindAccount(transferorId) is not { } transferor)
        {
            transaction.Respond(403, "Forbidden: only a phone of ours can transfer a call");
            return;
        }

        if (ParkSlotOf(directory, transferor, target.User) is { } slot)
        {
            StartPark(transaction, call, fromCaller, transferor, slot);
            return;
        }

        if (target.Replaces is { } replaces)
        {
            OnAttendedRefer(transaction, call, fromCaller, replaces);
            return;
        }

        if (directory.EmergencyNumbers.Contains(target.User))
        {
            transaction.Respond(403, "Forbidden: emergency numbers are dialed, not transferred to");
            return;
        }

        var route = DialPlan.RouteFrom(directory, transferor, target.User);
        if (route.Kind is RouteKind.NotFound)
        {
            transaction.Respond(404, "Not Found: the transfer target is not a number this customer can call");
            return;
        }

        if (route.Kind is not (RouteKind.Account or RouteKind.Trunk))
        {
            transaction.Respond(403, "Forbidden: a feature code is not a transfer target");
            return;
        }

        StartBlindTransfer(transaction, call, fromCaller, transferor, target.User, route, directory);
    }

    private void StartBlindTransfer(ServerTransaction refer, Call call, bool transferorIsCaller, SwitchAccount transferor, string dialed,
        Route route, ISwitchDirectory directory)
    {
        var targetAccount = route.AccountId is { } accountId ? directory.FindAccount(accountId) : null;
        var legCallId = _stack.NewCallId();
        var outgoing = route.Kind == RouteKind.Trunk;

        // The leg to the target is the transferor's call: its account, its site, its direction (who pays: class summary).
        var segment = new CallInfo(NewCallId(), transferorIsCaller ? legCallId : call.Info.SipCallId, transferor.Id, targetAccount?.Id,
            transferor.Id, dialed, outgoing ? route.Number : null, outgoing ? CallDirection.Outgoing : CallDirection.Internal,
            directory.FindSite(transferor.SiteId).Id, false, _stack.Clock.Now);
        var remainingSdp = transferorIsCaller ? call.Answer : call.Offer;

        var balance = _hooks.Balance.Authorize(segment);
        if (!balance.Allowed)
        {
            _stack.Metrics.CountRefusal(balance.ByFraud ? Metrics.RefusalReason.Fraud : Metrics.RefusalReason.Balance);
            RefuseTransfer(refer, segment, balance.Status == 0 ? 402 : balance.Status, balance.Reason ?? "Payment Required",
                balance.ByFraud ? CallDisposition.RefusedByFraud : CallDisposition.RefusedByBalance, null);
            return;
        }

        var admission = _hooks.Admission.Admit(segment, remainingSdp);
        if (!admission.Admitted)
        {
            _stack.Metrics.CountRefusal(Metrics.RefusalReason.Limits);
            RefuseTransfer(refer, segment, admission.Status == 0 ? 503 : admission.Status, "Service Unavailable", CallDisposition.RefusedByLimit,
                WarningHeader(admission.Warning));
            return;
        }

        var transfer = new Transfer(call, transferorIsCaller)
        {
            Segment = segment, Admitted = true, MaxDuration = balance.MaxDuration, TargetAccount = targetAccount?.Id,
        };
        if (!TryTargetTransfer(directory, transfer, route, targetAccount))
        {
            _hooks.Admission.Release(segment);
            RefuseTransfer(refer, segment, 480, "Temporarily Unavailable: the transfer target is not registered", CallDisposition.NoAnswer, null);
            return;
        }

        refer.Respond(202, "Accepted");
        call.Transfer = transfer;
        Notify(transfer, 100, "Trying", final: false);
        transfer.Media = _hooks.Media.Open(segment);

        // The target is offered the transferee's SDP through the new media session, oriented as the call will be: the
        // target takes the transferor's side (the A side's offer, or the B side's answer seen from the caller's side).
        var offer = transferorIsCaller ? transfer.Media.RewriteAnswer(remainingSdp) : transfer.Media.RewriteOffer(remainingSdp);
        SendTransferInvite(transfer, legCallId, dialed, route, offer);
        StartTransferNoAnswer(transfer);
    }

    /// <summary>A REFER refused before anything was tried: the attempt is one CDR (which also releases any hold), the REFER its status.</summary>
    private void RefuseTransfer(ServerTransaction refer, CallInfo segment, int status, string reason, CallDisposition disposition, string? extra)
    {
        _stack.Metrics.CountCallEnded(disposition);
        _hooks.Cdrs.Emit(new CallEnd(segment, null, _stack.Clock.Now, disposition, status, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty));
        refer.Respond(status, reason, extra);
    }

    /// <summary>Where the target's leg goes: as a call's callee leg would (TryTarget, TryReach), another partition through the ring.</summary>
    private bool TryTargetTransfer(ISwitchDirectory directory, Transfer transfer, Route route, SwitchAccount? target)
    {
        if (target is not null && IsElsewhere(target))
        {
            transfer.HandedOver = true; // the target's partition records the leg, as for any call handed over
            transfer.TargetKind = SipTransportKind.Internal;
            transfer.TargetDestination = _stack.LocalEndpoint;
            transfer.TargetContact = $"sip:{target.Id}@{_stack.LocalEndpoint}";
            transfer.TargetAccount = null; // not an account this partition holds
            return true;
        }

        if (target is not null)
        {
            if (_registrar.Lookup(target.Id) is not { } binding)
            {
                return false;
            }

            transfer.TargetContact = binding.ContactUri;
            transfer.TargetKind = binding.Kind;
            transfer.TargetDestination = binding.Remote;
            transfer.TargetConnection = binding.Connection is { IsOpen: true } open ? open : null;
            return binding.Kind != SipTransportKind.Tls || transfer.TargetConnection is not null;
        }

        if (directory.FindTrunk(route.TrunkId!) is not { } trunk)
        {
            return false;
        }

        transfer.TargetContact = $"sip:{route.Number}@{Host(trunk.Address)}";
        transfer.TargetKind = SipTransportKind.Udp;
        transfer.TargetDestination = trunk.Address;
        return true;
    }

    /// <summary>
    /// The INVITE to the target: from the transferee's number (the party the target will talk to), with Referred-By
    /// naming the transferor (RFC 3892), in a new dialog.
    /// </summary>
    private void SendTransferInvite(Transfer transfer, string callId, string dialed, Route route, ReadOnlyMemory<byte> offer)
    {
        var call = transfer.Call;
        var local = _stack.LocalEndpointFor(transfer.TargetKind).ToString();
        var transferee = transfer.TransferorIsCaller ? call.Info.Dialed : call.Info.Caller;
        var from = $"<sip:{transferee}@{local}>;tag={_stack.NewTag()}";
        var to = $"<sip:{route.Number ?? dialed}@{local}>";
        transfer.Target = new DialogHeaders(callId, from, to, false);
        transfer.TargetCSeq = 1;
        var branch = _stack.NewBranch();
        var b = new Sip.Writing.SipBuilder(768 + offer.Length).RequestLine("INVITE"u8, transfer.TargetContact);
        b.Header("Via"u8, $"SIP/2.0/{SipTransportNames.Via(transfer.TargetKind)} {local};branch={branch};rport");
        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Header("From"u8, from).Header("To"u8, to).Header("Call-ID"u8, callId);
        b.Raw("CSeq: 1 INVITE\r\n"u8);
        b.Header("Contact"u8, OurContact(transfer.TargetKind, false));
        b.Header("Referred-By"u8, $"<sip:{(transfer.Segment ?? call.Info).AccountId}@{local}>");
        b.Raw("Allow: "u8).Text(AllowedMethods).Raw("\r\nUser-Agent: Centrex\r\n"u8);
        b.Body(offer.Span, offer.IsEmpty ? null : "application/sdp");
        transfer.Invite = _stack.SendRequest(b.ToArray(), branch, transfer.TargetKind, transfer.TargetDestination!, transfer.TargetConnection, this, transfer);
    }

    /// <summary>
    /// A NOTIFY of the refer subscription (RFC 3515 §2.4.4, §2.4.5): the status line of the target's response as a
    /// message/sipfrag body; the final one ends the subscription (RFC 6665 §4.1.3: terminated;reason=noresource). A site
    /// limit that refused the transfer rides in the fragment as a Warning header (a sipfrag may carry headers, RFC 3420 §2).
    /// </summary>
    private void Notify(Transfer transfer, int status, string reason, bool final, string? limit = null)
    {
        if (transfer.Ringback is not null)
        {
            return; // a parked call ringing its parker back: nobody sent a REFER
        }

        var body = Encoding.ASCII.GetBytes($"SIP/2.0 {status} {reason}\r\n{WarningHeader(limit)}");
        var state = final ? "terminated;reason=noresource" : "active;expires=60";
        var kind = transfer.Swapped ? transfer.TransferorKind : transfer.TransferorIsCaller ? transfer.Call.ASource.Kind : transfer.Call.BKind;
        var sips = transfer.Swapped ? transfer.Transferor!.Sips : transfer.TransferorIsCaller ? AIsSips(transfer.Call) : BIsSips(transfer.Call);
        var extra = $"Event: refer\r\nSubscription-State: {state}\r\nContact: {OurContact(kind, sips)}\r\n";
        SendToTransferor(transfer, "NOTIFY", extra, body, "message/sipfrag;version=2.0");
    }

    /// <summary>A request in the transferor's dialog: the call's own until the target took its side, then the kept copy.</summary>
    private void SendToTransferor(Transfer transfer, string method, string? extra, ReadOnlyMemory<byte> body, string? contentType)
    {
        var call = transfer.Call;
        var branch = _stack.NewBranch();
        if (transfer.Swapped)
        {
            var bytes = BuildDialogRequest(transfer.Transferor!, transfer.TransferorTarget, transfer.TransferorKind, method,
                ++transfer.TransferorCSeq, branch, extra, body, contentType);
            _stack.SendRequest(bytes, branch, transfer.TransferorKind, transfer.TransferorDestination!, transfer.TransferorConnection, this);
        }
        else if (transfer.TransferorIsCaller)
        {
            var bytes = BuildARequest(call, method, ++call.ALocalCSeq, branch, extra, body, contentType);
            _stack.SendRequest(bytes, branch, call.ASource.Kind, call.ASource.Remote, call.ASource.Connection, this);
        }
        else
        {
            var bytes = BuildBRequest(call, method, ++call.BLocalCSeq, branch, null, extra, body, contentType);
            _stack.SendRequest(bytes, branch, call.BKind, call.BDestination!, call.BConnection, this);
        }
    }

    /// <summary>A request in a dialog given by its headers (a transfer's party, or a transferor's kept dialog).</summary>
    private byte[] BuildDialogRequest(DialogHeaders dialog, string target, SipTransportKind kind, string method, int cseq, string branch,
        string? extra, ReadOnlyMemory<byte> body, string? contentType)
    {
        var b = new Sip.Writing.SipBuilder(512 + body.Length).RequestLine(Encoding.ASCII.GetBytes(method), target);
        b.Header("Via"u8, $"SIP/2.0/{SipTransportNames.Via(kind)} {_stack.LocalEndpointFor(kind)};branch={branch};rport");
        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Header("From"u8, dialog.From);
        b.Header("To"u8, dialog.To);
        b.Header("Call-ID"u8, dialog.CallId);
        b.Raw("CSeq: "u8).Number(cseq).Raw(" "u8).Text(method).Crlf();
        WriteDialogExtras(b, method, kind, dialog.Sips, extra);
        return b.Body(body.Span, body.IsEmpty ? null : contentType ?? "application/sdp").ToArray();
    }

    /// <summary>The headers of one side's dialog as the switch writes requests in it.</summary>
    private static DialogHeaders SideHeaders(Call call, bool caller)
    {
        if (caller)
        {
            if (call.AOverride is { } a)
            {
                return a;
            }

            var invite = call.ARequest;
            var from = invite.Text(invite.Find(SipHeaderKind.To)) + (invite.To.Tag.IsEmpty ? ";tag=" + call.AInvite.LocalTag : string.Empty);
            return new DialogHeaders(invite.Text(invite.CallId), from, invite.Text(invite.Find(SipHeaderKind.From)), AIsSips(call));
        }

        return call.BOverride ?? new DialogHeaders(call.BCallId, call.BFrom, $"{call.BTo};tag={call.BRemoteTag}", BIsSips(call));
    }
}
