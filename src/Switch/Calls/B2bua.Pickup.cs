using System.Text;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Directed and group pickup (issue 15): a phone dials <c>**</c> and an extension of its customer that is ringing; the switch
/// cancels the ringing leg (CANCEL, §9.1) and answers both the caller and the picking phone, each with the other's offer
/// restricted to the audio formats both offered (RFC 3264 §6: an answer lists only formats of the offer), through a
/// new relay session. The caller's call goes on as the same call (one CDR), now answered by the picking phone's account.
/// The ringing call is in this partition: the extension and the picking phone are the same customer's. A call that rings
/// the extension through a hunt group (simultaneous or in turn), a line's forwarding or a call flow is picked up the
/// same way, its other legs cancelled, unless the hunt group does not allow pickup.
/// </summary>
internal sealed partial class B2bua
{
    private void OnDirectedPickup(Call picker, SwitchAccount caller, Route route)
    {
        if (FindRinging(account => account == route.AccountId) is not { } ringing)
        {
            Refuse(picker, 404, $"Not Found: extension {route.Number} is not ringing", CallDisposition.Failed);
            return;
        }

        PickUp(picker, caller, ringing);
    }

    /// <summary>
    /// Group pickup (seed 004, "configure multiple pickup groups"): the pickup prefix alone answers a call ringing a
    /// member of the caller's primary group, the prefix and a group's number one ringing a member of that group; the
    /// group must allow pickup ("Call Pickup Allowed"). The picker need not be a member of a group it names.
    /// </summary>
    private void OnGroupPickup(Call picker, SwitchAccount caller, Route route)
    {
        var directory = _directory.Current;
        HuntGroupPlan? group;
        if (route.Number is { } number)
        {
            group = directory.FindHuntGroup(caller.CustomerId, number);
        }
        else
        {
            group = null;
            foreach (var candidate in directory.HuntGroupsOf(caller.CustomerId))
            {
                if (Array.Exists(candidate.Members, m => m.Primary && m.AccountId == caller.Id))
                {
                    group = candidate;
                    break;
                }
            }
        }

        if (group is not { PickupAllowed: true })
        {
            Refuse(picker, 404, route.Number is null ? "Not Found: no primary pickup group" : $"Not Found: no pickup group {route.Number}", CallDisposition.Failed);
            return;
        }

        if (FindRinging(account => account != caller.Id && Array.Exists(group.Members, m => m.AccountId == account)) is not { } ringing)
        {
            Refuse(picker, 404, $"Not Found: nothing is ringing in group {group.Number}", CallDisposition.Failed);
            return;
        }

        PickUp(picker, caller, ringing);
    }

    /// <summary>
    /// The first call of this partition ringing a phone whose account <paramref name="rings"/> accepts: a call rung
    /// directly (no leg), or one whose hunt group, forwarding or flow rings that phone as one of its legs (the call and
    /// the leg). A leg a hunt group rings is offered only when the group allows pickup (seed 004, Call Pickup Allowed:
    /// "allow extensions to pick up calls made to the members of this huntgroup"), to directed and group pickup alike.
    /// </summary>
    private (Call Call, Call? Leg)? FindRinging(Func<string?, bool> rings)
    {
        foreach (var candidate in _calls.Values)
        {
            if (candidate.Parent is { Fork: { } fork } parent)
            {
                if (parent.State == CallState.Trying && !parent.Cancelled && !parent.HandedOver && fork.Winner is null
                    && candidate.Target.Kind == RingTargetKind.Account && rings(candidate.Target.Value)
                    && candidate.BInvite is { State: TransactionState.Calling or TransactionState.Proceeding }
                    && fork.Group is not { PickupAllowed: false } && fork.Legs.Contains(candidate))
                {
                    return (parent, candidate);
                }

                continue;
            }

            if (candidate.State == CallState.Trying && !candidate.HandedOver && rings(candidate.BAccount)
                && candidate.BInvite is { State: TransactionState.Calling or TransactionState.Proceeding } && !candidate.Cancelled)
            {
                return (candidate, null);
            }
        }

        return null;
    }

    /// <summary>
    /// The picker answers <paramref name="found"/>'s call: the phone (or every leg still ringing: the hunt group's other
    /// members, the flow's other numbers) is cancelled, caller and picker are joined as one call.
    /// </summary>
    private void PickUp(Call picker, SwitchAccount caller, (Call Call, Call? Leg) found)
    {
        // Picked up when the picker's INVITE arrived: read before the CANCELs and the picker's 200 go out, which a peer
        // (or a test moving the manual clock) may answer before the stamp below (as a call's answer, B2bua.Legs.cs OnBAnswered).
        var answeredAt = _stack.Clock.Now;
        var ringing = found.Call;
        if (found.Leg is not null && ringing.Info.Forwarded && !TryUnforward(ringing, out var full))
        {
            // A line of ours answers: not a forwarded call after all (B2bua.AnsweredLeg.cs), and the original does not fit.
            RefusePickup(picker, 503, full);
            return;
        }

        // Picked up is answered: the call connects on its site first (seed 004 counts connected calls); a site with no
        // connected slot left refuses the pickup and the phone goes on ringing.
        var connected = _hooks.Admission.Answered(ringing.Info, CommonAudio(picker.Offer, ringing.Offer));
        if (!connected.Admitted)
        {
            RefusePickup(picker, connected.Status == 0 ? 503 : connected.Status, connected.Warning);
            return;
        }

        // The ringing phone stops ringing; what it answers from now on is released.
        ringing.NoAnswerTimer.Cancel();
        if (ringing.Fork is { } fork)
        {
            // The fork is won by the pickup: every leg gets CANCEL, a leg whose 2xx crosses it gets ACK and BYE
            // (OnLegAnswered), and legs still waiting for their ring delay never start.
            fork.Winner = found.Leg;
            CancelLegs(fork);
        }
        else
        {
            ringing.PickedUpInvite = ringing.BInvite;
            ringing.CancelPending = !ringing.BProvisional; // §9.1: CANCEL waits for a provisional response
            if (ringing.BProvisional)
            {
                CancelInvite(ringing.BInvite!);
            }

            _calls.Remove(ringing.BCallId);
        }

        // The picking phone's dialog becomes the call's B side.
        var headers = SideHeaders(picker, true);
        ringing.BOverride = headers;
        ringing.BCallId = headers.CallId;
        ringing.BRemoteTag = "moved";
        ringing.BRemoteTarget = picker.ARemoteTarget;
        ringing.BKind = picker.ASource.Kind;
        ringing.BDestination = picker.ASource.Remote;
        ringing.BConnection = picker.ASource.Connection;
        ringing.BLocalCSeq = picker.ALocalCSeq;
        ringing.BAccount = caller.Id;
        ringing.BAck = null;
        ringing.BEarlyTag = string.Empty;
        ringing.BResponded = true;
        ringing.Info = ringing.Info with { CalleeAccountId = caller.Id };

        var fromCaller = ringing.Offer;
        var fromPicker = picker.Offer;
        ringing.Media?.Dispose();
        ringing.Media = _hooks.Media.Open(ringing.Info with { Id = NewCallId() });
        var toPicker = ringing.Media.RewriteOffer(CommonAudio(fromCaller, fromPicker));
        ringing.Answer = CommonAudio(fromPicker, fromCaller);
        var toCaller = ringing.Media.RewriteAnswer(ringing.Answer);

        SendAFinal(picker, 200, "OK", toPicker);
        RetireMerged(picker); // its INVITE is answered; from now on its dialog is the ringing call's B side
        Track(ringing, headers.CallId);

        ringing.State = CallState.Answered;
        ringing.AnswerTime = answeredAt;
        ringing.AnsweredBy = caller.Id; // the CDR names who picked it up, not the phone that rang
        NoteUsed(picker.Info.AccountId); // least-used hunting: the phone that picked the call up was used
        StartCap(ringing);
        SendAFinal(ringing, 200, "OK", toCaller);
    }

    /// <summary>
    /// A pickup a site limit refused, answered as every admission refusal is (B2bua.Invite.cs): the standard reason phrase,
    /// the limit named in a Warning (RFC 3261 §20.43) and the refusal counted under <c>limits</c> in /metrics.
    /// </summary>
    private void RefusePickup(Call picker, int status, string? limit)
    {
        _stack.Metrics.CountRefusal(Metrics.RefusalReason.Limits);
        Refuse(picker, status, "Service Unavailable", CallDisposition.RefusedByLimit, WarningHeader(limit));
    }

    /// <summary>The phone that was ringing answered before our CANCEL reached it: ACK its 2xx and release it with BYE.</summary>
    private void OnPickedUpLegResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode < 200 && transaction.UserState is Call { CancelPending: true } call)
        {
            call.CancelPending = false;
            CancelInvite(transaction);
            return;
        }

        if (response.StatusCode is < 200 or >= 300)
        {
            return; // 487 for the CANCEL, or any refusal: nothing more to do
        }

        var request = transaction.Request;
        var dialog = new DialogHeaders(request.Text(request.CallId), request.Text(request.Find(SipHeaderKind.From)),
            response.Text(response.Find(SipHeaderKind.To)), false);
        var target = response.HasContact && !response.ContactIsStar ? response.Text(response.Contact.Uri.Whole) : request.Text(request.RequestUri.Whole);
        Send(transaction, BuildDialogRequest(dialog, target, transaction.Kind, "ACK", request.CSeq, _stack.NewBranch(), null, ReadOnlyMemory<byte>.Empty, null));
        var branch = _stack.NewBranch();
        _stack.SendRequest(BuildDialogRequest(dialog, target, transaction.Kind, "BYE", request.CSeq + 1, branch, null, ReadOnlyMemory<byte>.Empty, null),
            branch, transaction.Kind, transaction.Destination, transaction.Connection, this);
    }

    /// <summary>§9.1: CANCEL for an INVITE the switch sent, to where it went, copying its Request-URI, Call-ID, From, To, CSeq and Via.</summary>
    private void CancelInvite(ClientTransaction invite)
    {
        var r = invite.Request;
        var b = new Sip.Writing.SipBuilder(512).RequestLine("CANCEL"u8, r.Text(r.RequestUri.Whole));
        b.Raw("Via: "u8).Raw(r[r.Find(SipHeaderKind.Via)]).Crlf();
        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Raw("From: "u8).Raw(r[r.Find(SipHeaderKind.From)]).Crlf();
        b.Raw("To: "u8).Raw(r[r.Find(SipHeaderKind.To)]).Crlf();
        b.Raw("Call-ID: "u8).Raw(r[r.CallId]).Crlf();
        b.Raw("CSeq: "u8).Number(r.CSeq).Raw(" CANCEL\r\n"u8);
        _stack.SendRequest(b.Body([]).ToArray(), invite.Branch, invite.Kind, invite.Destination, invite.Connection, this);
        invite.Cancelled();
    }

    /// <summary>
    /// <paramref name="sdp"/> with its first audio stream's formats cut to those <paramref name="other"/>'s first audio
    /// stream also lists (its own order kept; all of them when none is common, so the phones can still refuse it).
    /// </summary>
    private static ReadOnlyMemory<byte> CommonAudio(ReadOnlyMemory<byte> sdp, ReadOnlyMemory<byte> other)
    {
        var text = Encoding.ASCII.GetString(sdp.Span);
        var theirs = AudioFormats(Encoding.ASCII.GetString(other.Span));
        var lines = text.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("m=audio ", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = lines[i].Split(' ');
            var common = parts.Skip(3).Where(theirs.Contains).ToList();
            if (parts.Length > 3 && common.Count > 0)
            {
                lines[i] = string.Join(' ', parts.Take(3).Concat(common));
            }

            break;
        }

        return Encoding.ASCII.GetBytes(string.Join("\r\n", lines));
    }

    private static HashSet<string> AudioFormats(string sdp)
    {
        foreach (var line in sdp.Split("\r\n"))
        {
            if (line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                return [.. line.Split(' ').Skip(3)];
            }
        }

        return [];
    }
}
