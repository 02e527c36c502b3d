using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Call parking (seed 004, Call Parking; issue 15). A phone parks its call by transferring it (REFER) to the customer's
/// park prefix, alone (the lowest free slot, 1 to 99) or followed by a slot of one or two digits; the transferor hears
/// <c>200 Parked in slot N</c> in the final NOTIFY and its leg is released. The parked party stays in its leg, held by
/// the switch (nothing relayed to it; music on hold comes with the media issue). Any phone of the customer takes the
/// call by dialing the release prefix and the slot: the parked party is re-INVITEd toward it and its answer answers
/// that phone. A call not taken within <see cref="SwitchOptions.ParkTimeout"/> rings the phone that parked it (a
/// failed ringback puts it back in its slot). Slots are per customer and live in the partition that owns the customer:
/// the parker and every phone that can take the call are that customer's, so no slot is ever shared between threads.
/// Parking and taking a call do not end its CDR: it is one call, paid as it was, from its answer to its end.
/// </summary>
internal sealed partial class B2bua
{
    private readonly Dictionary<(string Customer, string Slot), Call> _parkSlots = [];

    /// <summary>The park slot a Refer-To user names ("" for the lowest free one), or null when it is not the park prefix.</summary>
    private static string? ParkSlotOf(ISwitchDirectory directory, SwitchAccount transferor, string user)
    {
        var prefix = directory.FindCustomer(transferor.CustomerId)?.Features.ParkPrefix;
        if (prefix is null || !user.StartsWith(prefix, StringComparison.Ordinal) || user.Length > prefix.Length + 2)
        {
            return null;
        }

        var slot = user[prefix.Length..]; // as dialed: slot "1" and slot "01" are two slots, as the release prefix reads them
        return slot.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? slot : null;
    }

    private void StartPark(ServerTransaction refer, Call call, bool parkerIsCaller, SwitchAccount parker, string slot)
    {
        var customer = parker.CustomerId;
        if (slot.Length == 0)
        {
            slot = Enumerable.Range(1, 99).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault(n => !_parkSlots.ContainsKey((customer, n))) ?? "";
        }

        if (slot.Length == 0 || _parkSlots.ContainsKey((customer, slot)))
        {
            refer.Respond(486, slot.Length == 0 ? "Busy Here: every park slot is taken" : $"Busy Here: park slot {slot} is taken");
            return;
        }

        refer.Respond(202, "Accepted");
        var transfer = new Transfer(call, parkerIsCaller);
        Notify(transfer, 200, $"Parked in slot {slot}", final: true);
        SendToTransferor(transfer, "BYE", null, ReadOnlyMemory<byte>.Empty, null);
        Repark(call, new ParkedCall(customer, slot, parker.Id, parkerIsCaller));
    }

    /// <summary>Puts the call in its slot and starts the wait before it rings the parker.</summary>
    private void Repark(Call call, ParkedCall parked)
    {
        call.Parked = parked;
        _parkSlots[(parked.CustomerId, parked.Slot)] = call;
        parked.Call = call;
        parked.Timers = this;
        parked.Timer = _stack.StartTimer(_options.ParkTimeout, parked, 0);
    }

    /// <summary>The call leaves its slot (taken, rung back, or its party hung up).</summary>
    private void Unpark(Call call)
    {
        if (call.Parked is not { } parked)
        {
            return;
        }

        parked.Timer.Cancel();
        if (_parkSlots.TryGetValue((parked.CustomerId, parked.Slot), out var held) && ReferenceEquals(held, call))
        {
            _parkSlots.Remove((parked.CustomerId, parked.Slot));
        }
    }

    /// <summary>Nobody took the call in time: it rings the phone that parked it, as a transfer to that phone would.</summary>
    void ICallTimers.OnParkTimeout(ParkedCall parked)
    {
        if (parked.Call is not { } call || !ReferenceEquals(call.Parked, parked) || call.State != CallState.Answered)
        {
            return;
        }

        Unpark(call);
        var directory = _directory.Current;
        var parker = directory.FindAccount(parked.ParkerAccount);
        var transfer = new Transfer(call, parked.ParkerWasCaller) { Ringback = parked, TargetAccount = parker?.Id };
        if (parker is null || !TryTargetTransfer(directory, transfer, new Route(RouteKind.Account, AccountId: parker.Id, Number: parker.Extension ?? parker.Id), parker))
        {
            Repark(call, parked); // the parker is not registered: the call waits another round
            return;
        }

        call.Transfer = transfer;
        transfer.Media = _hooks.Media.Open(call.Info with { Id = NewCallId() });
        var remainingSdp = parked.ParkerWasCaller ? call.Answer : call.Offer;
        var offer = parked.ParkerWasCaller ? transfer.Media.RewriteAnswer(remainingSdp) : transfer.Media.RewriteOffer(remainingSdp);
        SendTransferInvite(transfer, _stack.NewCallId(), parker.Extension ?? parker.Id, new Route(RouteKind.Account, AccountId: parker.Id), offer);
        StartTransferNoAnswer(transfer);
    }

    /// <summary>The parker answered the ringback: it takes its old side again; the call's CDR and cap go on unchanged.</summary>
    private void CompleteRingback(Transfer transfer, ReadOnlyMemory<byte> targetSdp)
    {
        var call = transfer.Call;
        call.Parked = null;
        call.Media?.Dispose();
        var side = transfer.TransferorIsCaller;
        var target = MoveTargetIn(transfer, targetSdp);
        call.HandedOver = transfer.HandedOver;
        if (side)
        {
            call.Info = call.Info with { SipCallId = target.CallId };
        }

        var toRemaining = side ? transfer.Media!.RewriteOffer(targetSdp) : transfer.Media!.RewriteAnswer(targetSdp);
        ReInviteRemaining(call, toCaller: !side, toRemaining);
    }

    /// <summary>
    /// The release prefix and a slot: the call parked there is taken by this phone. The parked party's dialog becomes
    /// this call's B side and the parked call's record goes on in it (one call, one CDR); an empty slot gets 404.
    /// </summary>
    private void OnParkRelease(Call call, SwitchAccount caller, string slot)
    {
        if (!_parkSlots.TryGetValue((caller.CustomerId, slot), out var parked) || parked.Parked is not { } spot)
        {
            Refuse(call, 404, $"Not Found: no call parked in slot {slot}", CallDisposition.Failed);
            return;
        }

        Unpark(parked);
        var parkedIsCaller = !spot.ParkerWasCaller;
        var headers = SideHeaders(parked, parkedIsCaller);
        call.BOverride = headers;
        call.BCallId = headers.CallId;
        call.BRemoteTag = "moved";
        call.BRemoteTarget = parkedIsCaller ? parked.ARemoteTarget : parked.BRemoteTarget;
        call.BKind = parkedIsCaller ? parked.ASource.Kind : parked.BKind;
        call.BDestination = parkedIsCaller ? parked.ASource.Remote : parked.BDestination;
        call.BConnection = parkedIsCaller ? parked.ASource.Connection : parked.BConnection;
        call.BLocalCSeq = parkedIsCaller ? parked.ALocalCSeq : parked.BLocalCSeq;
        call.BAccount = parkedIsCaller ? parked.AAccount : parked.BAccount;
        call.BResponded = true;
        call.HandedOver = parked.HandedOver;
        call.Info = parked.Info with { SipCallId = call.Info.SipCallId };
        call.Admitted = parked.Admitted;
        call.MaxDuration = parked.MaxDuration;
        call.AnswerTime = parked.AnswerTime;
        call.AnsweredBy = parked.AnsweredBy;
        call.Alert = null;

        // The parked call is gone as a call of its own: its record, slot and admission live on in this one.
        parked.Parked = null;
        RetireMerged(parked);
        Track(call, headers.CallId);

        call.Media = _hooks.Media.Open(call.Info with { Id = NewCallId() });
        var branch = _stack.NewBranch();
        var cseq = ++call.BLocalCSeq;
        _stack.SendRequest(BuildBRequest(call, "INVITE", cseq, branch, null, null, call.Media.RewriteOffer(call.Offer)), branch,
            call.BKind, call.BDestination!, call.BConnection, this, new ParkRetrieval(call, cseq));
    }

    /// <summary>A call whose parties moved into another is no longer counted or tracked; its media is released, no CDR.</summary>
    private void RetireMerged(Call call)
    {
        Count(call, -1, confirmed: call.AAcked);

        call.State = CallState.Ended;
        call.NoAnswerTimer.Cancel();
        call.CapTimer.Cancel();
        call.AFinalTimer.Cancel();
        call.ReInviteFinal?.Timer.Cancel();
        Untrack(call);
        call.Media?.Dispose();
    }

    /// <summary>The parked party answered the re-INVITE: ACK it, and answer the phone that took the call with its SDP.</summary>
    private void OnParkRetrievalResponse(ParkRetrieval retrieval, SipMessage response)
    {
        var call = retrieval.Call;
        var status = response.StatusCode;
        if (status < 200)
        {
            return;
        }

        if (status >= 300)
        {
            // The parked party could not be reached: the call is over for both.
            End(call, CallDisposition.Failed, status);
            call.AInvite.Respond(480, "Temporarily Unavailable: the parked call could not be taken");
            ByeB(call);
            return;
        }

        retrieval.Ack ??= BuildBRequest(call, "ACK", retrieval.CSeq, _stack.NewBranch(), null, null, ReadOnlyMemory<byte>.Empty);
        _stack.Send(call.BKind, call.BDestination!, retrieval.Ack, call.BConnection);
        if (call.State != CallState.Trying)
        {
            if (call.State == CallState.Ended)
            {
                ByeB(call); // the phone gave up (CANCEL) while the parked party was being brought over
            }

            return; // a retransmitted 2xx: ACKed again
        }

        if (response.HasContact && !response.ContactIsStar)
        {
            call.BRemoteTarget = response.Text(response.Contact.Uri.Whole);
        }

        call.Answer = response[response.Body].ToArray();
        call.State = CallState.Answered;
        StartCap(call);
        SendAFinal(call, 200, "OK", call.Answer.IsEmpty ? ReadOnlyMemory<byte>.Empty : call.Media!.RewriteAnswer(call.Answer));
    }
}
