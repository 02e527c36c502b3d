using Centrex.Switch.CallFlows;
using Centrex.Switch.Routing;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;
using NodaTime;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Ringing several parties for one caller (call flows, forwarding, hunt groups): each party is a leg, a <see cref="Call"/>
/// holding only its B side, with its own Call-ID and ring timer. The first leg to answer wins: the others get CANCEL
/// (RFC 3261 §9.1) and the winner's dialog becomes the call's B leg, after which the call runs as any other. When a
/// step's legs all fail, the flow takes the node's branch for the outcome (busy or no answer).
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>Rings the targets of the call's current step, from the next not yet rung.</summary>
    private void RingNext(Call call)
    {
        var fork = call.Fork!;
        while (fork.Next < fork.Targets.Count)
        {
            var end = fork.Next + 1;
            while (end < fork.Targets.Count && fork.Targets[end].WithPrevious)
            {
                end++;
            }

            for (var i = fork.Next; i < end; i++)
            {
                var target = fork.Targets[i];
                if (target.DelaySeconds > 0)
                {
                    fork.Delayed++;
                    StartCallTimer(call, Duration.FromSeconds(target.DelaySeconds), CallTimer.RingDelay, i);
                }
                else
                {
                    StartLeg(call, target);
                }
            }

            fork.Next = end;
            if (fork.Legs.Count > 0 || fork.Delayed > 0)
            {
                return;
            }
        }

        StepDone(call);
    }

    private void OnRingDelay(Call call, int index)
    {
        var fork = call.Fork!;
        fork.Delayed--;
        if (call.State == CallState.Trying && !call.Cancelled && fork.Winner is null && index < fork.Targets.Count)
        {
            // The step's targets stay as they are while a delay waits: the next step starts only once none does (Continue).
            StartLeg(call, fork.Targets[index]);
            Continue(call);
        }
    }

    /// <summary>Starts one leg; false (with the reason kept for the caller) when the target cannot be rung.</summary>
    private bool StartLeg(Call call, RingTarget target)
    {
        var fork = call.Fork!;
        var leg = new Call(call.Info, call.AInvite, call.ARequest) { Parent = call, Target = target, Media = call.Media, Offer = call.Offer };
        string number;
        switch (target.Kind)
        {
            case RingTargetKind.Account:
                var account = fork.Directory.FindAccount(target.Value);
                if (account is null || _partitionOf(account.CustomerId) != _stack.Partition)
                {
                    return Unreachable(fork, 404, "Not Found"); // another customer's line is theirs to ring, not this partition's
                }

                if (account.Suspended)
                {
                    return Unreachable(fork, 403, "Suspended"); // issue 16: a suspended member is not rung; the group goes on
                }

                if (_registrar.Lookup(account.Id) is not { } binding || !TryReach(leg, binding))
                {
                    return Unreachable(fork, 480, "Temporarily Unavailable"); // unregistered: conditional forwarding takes over
                }

                number = account.Extension ?? account.Id;
                if (fork.Group is { } group && group.CallerId != HuntCallerId.Keep)
                {
                    leg.LegDisplay = group.Name; // seed 004 Caller ID: the group's name, and its number when "Set to name and CLI"
                    leg.LegCaller = group.CallerId == HuntCallerId.Group ? group.Number : null;
                }

                break;
            case RingTargetKind.External:
                var payer = target.Payer is { } id ? fork.Directory.FindAccount(id) : null;
                // A suspended line pays for no forwarded call (issue 16).
                var trunk = payer is null || payer.Suspended ? null : fork.Directory.FindCustomer(payer.CustomerId)?.TrunkId is { } trunkId ? fork.Directory.FindTrunk(trunkId) : null;
                if (trunk is null)
                {
                    return Unreachable(fork, 480, "Temporarily Unavailable");
                }

                if (!TryForward(call, target, payer!) || !TryHoldLeg(call, leg, target, payer!))
                {
                    return false;
                }

                leg.BRemoteTarget = $"sip:{target.Value}@{Host(trunk.Address)}";
                leg.BKind = SipTransportKind.Udp;
                leg.BDestination = trunk.Address;
                number = target.Value;
                break;
            default:
                if (SipUriTarget.Of(target.Value).Address is not { } address)
                {
                    return Unreachable(fork, 480, "Temporarily Unavailable"); // a name: the switch resolves no DNS for forwarding URIs
                }

                if (fork.Directory.FindTrunkByAddress(address) is not null)
                {
                    // sip:<number>@<trunk> would reach the carrier unpriced, past the line's balance and fraud controls:
                    // a number out through the trunk must be forwarded as a number (then it is the line's priced call).
                    _stack.Metrics.CountRefusal(Metrics.RefusalReason.Fraud);
                    return Unreachable(fork, 403, "fraud control: sip: URI forward to a trunk (forward the number instead)", CallDisposition.RefusedByFraud);
                }

                if (!ForwardDestination.Allowed(address, [_stack.LocalEndpoint, _stack.LocalEndpointFor(SipTransportKind.Tls)],
                    fork.Directory.FindCustomer(fork.CustomerId)?.AllowPrivateForwarding == true, _options.ForwardToLoopback))
                {
                    // Provisioning refuses such a target; data that holds one anyway must not make the switch probe its
                    // own host or the carrier's network (issue 16 review, item 8).
                    _stack.Metrics.CountRefusal(Metrics.RefusalReason.Fraud);
                    return Unreachable(fork, 403, "sip: URI forward to an address the switch does not send to", CallDisposition.RefusedByFraud);
                }

                leg.BRemoteTarget = target.Value;
                leg.BKind = SipTransportKind.Udp;
                leg.BDestination = address;
                var at = target.Value.IndexOf('@', StringComparison.Ordinal);
                number = at > 4 ? target.Value[4..at] : target.Value;
                break;
        }

        // What the flow found or changed (seed 003 Caller name lookup, Change suffix/prefix); a hunt group's own caller ID wins.
        leg.LegDisplay ??= fork.CallerName;
        leg.LegCaller ??= fork.Caller;
        fork.Legs.Add(leg);
        SendBInvite(leg, new Route(RouteKind.Account, Number: number));
        var ring = target.RingSeconds > 0 ? Duration.FromSeconds(target.RingSeconds) : _options.NoAnswerTimeout;
        leg.NoAnswerTimer = StartCallTimer(leg, ring, CallTimer.LegNoAnswer);
        return true;
    }

    private static bool Unreachable(CallFork fork, int status, string reason, CallDisposition? refusal = null)
    {
        fork.Other = true;
        fork.LastStatus = status;
        fork.LastReason = reason;
        fork.LastRefusal = refusal;
        return false;
    }

    /// <summary>
    /// The call goes out to an external number: from now on it is the forwarding line's call (seed 001 "How are forwarded
    /// calls billed?"): authorized against and charged to that line, admitted as a forwarded call of its site (counted in
    /// Max Number of Forwarded Calls, seed 004). Done once per call, for its first external number.
    /// </summary>
    private bool TryForward(Call call, RingTarget target, Provisioning.SwitchAccount payer)
    {
        var fork = call.Fork!;
        if (call.Info.Forwarded)
        {
            return true;
        }

        var info = ForwardedInfo(fork, target, payer);
        var balance = _hooks.Balance.Authorize(info);
        if (!balance.Allowed)
        {
            // The forwarding line's fraud controls refuse a forward as they would refuse the line dialling the number
            // itself (issue 14): counted, and recorded as refused-by-fraud if the caller ends up with this 403.
            _stack.Metrics.CountRefusal(balance.ByFraud ? Metrics.RefusalReason.Fraud : Metrics.RefusalReason.Balance);
            return Unreachable(fork, balance.Status == 0 ? 402 : balance.Status, balance.Reason ?? "Payment Required",
                balance.ByFraud ? CallDisposition.RefusedByFraud : CallDisposition.RefusedByBalance);
        }

        if (call.Admitted)
        {
            _hooks.Admission.Release(call.Info);
        }

        var admission = _hooks.Admission.Admit(info, call.Offer);
        if (!admission.Admitted)
        {
            _stack.Metrics.CountRefusal(Metrics.RefusalReason.Limits);
            call.Admitted = _hooks.Admission.Admit(call.Info, call.Offer).Admitted; // back to what it was
            fork.LimitWarning = admission.Warning; // named as every other admission refusal names it (B2bua.Invite.cs)
            return Unreachable(fork, admission.Status == 0 ? 503 : admission.Status, "Service Unavailable", CallDisposition.RefusedByLimit);
        }

        call.Admitted = true;
        call.Info = info;
        call.MaxDuration = balance.MaxDuration;
        return true;
    }

    /// <summary>A response on a leg's INVITE.</summary>
    private void OnLegResponse(Call call, Call leg, SipMessage response)
    {
        var fork = call.Fork!;
        var status = response.StatusCode;
        leg.BResponded = true;
        if (status < 200)
        {
            leg.BProvisional = true;
            if (leg.CancelPending)
            {
                leg.CancelPending = false;
                SendCancel(leg); // §9.1: CANCEL waits for a provisional response.
            }

            if (status > 100 && call.State == CallState.Trying && !call.Cancelled && fork.Winner is null && !fork.RelayedRinging)
            {
                // The caller hears ringing once, whichever leg rings first (each leg's early media is its own: none relayed).
                fork.RelayedRinging = true;
                var ringing = call.AInvite.Begin(180, "Ringing");
                ringing.Header("Contact"u8, OurContact(call.ASource.Kind, AIsSips(call)));
                call.AInvite.Send(ringing.Body(ReadOnlySpan<byte>.Empty, null).ToArray(), 180);
            }

            return;
        }

        if (status < 300)
        {
            OnLegAnswered(call, leg, response);
            return;
        }

        LegEnded(call, leg, status, response.Text(response.ReasonPhrase));
    }

    private void OnLegAnswered(Call call, Call leg, SipMessage response)
    {
        var answeredAt = _stack.Clock.Now; // before the ACK goes out (B2bua.Legs.cs OnBAnswered says why)
        if (!AckBAnswer(leg, response))
        {
            return;
        }

        var fork = call.Fork!;
        if (call.State != CallState.Trying || call.Cancelled || fork.Winner is not null || !fork.Legs.Remove(leg))
        {
            DropLegHold(leg);
            ByeB(leg); // a second answer, or one after the caller gave up: released at once
            UntrackLeg(leg);
            return;
        }

        fork.Winner = leg;
        DropLegHolds(fork); // the numbers still ringing will not be this call: their slots and money come back now
        CancelLegsAtBatchEnd(fork);
        if (!TrySettleAnswer(call, leg, answeredAt))
        {
            return; // only the answered leg is billed (B2bua.AnsweredLeg.cs), and that call is refused
        }

        Adopt(call, leg);
        if (leg.Target.Kind == RingTargetKind.Account)
        {
            NoteUsed(leg.Target.Value); // least-used hunting: the member who answered
        }

        ConnectB(call, response, answeredAt);
    }

    /// <summary>The winning leg's dialog becomes the call's B leg: in-dialog requests, BYE and re-INVITEs find the call.</summary>
    private void Adopt(Call call, Call leg)
    {
        call.BInvite = leg.BInvite;
        call.BCallId = leg.BCallId;
        call.BFrom = leg.BFrom;
        call.BTo = leg.BTo;
        call.BRemoteTag = leg.BRemoteTag;
        call.BRemoteTarget = leg.BRemoteTarget;
        call.BKind = leg.BKind;
        call.BDestination = leg.BDestination;
        call.BConnection = leg.BConnection;
        call.BLocalCSeq = leg.BLocalCSeq;
        call.BAck = leg.BAck;
        call.BProvisional = true;
        call.BResponded = true;
        call.BEarlyTag = leg.BEarlyTag;
        call.BAccount = leg.Target.Kind == RingTargetKind.Account && _directory.FindAccount(leg.Target.Value) is { } answered && !IsElsewhere(answered)
            ? answered.Id : null; // the member who answered may transfer or park the call (B2bua.Transfer.cs)
        Track(call, leg.BCallId);
    }

    /// <summary>A leg failed (busy, declined, unavailable, timed out): when the step has nothing left, the flow goes on.</summary>
    private void LegEnded(Call call, Call leg, int status, string reason)
    {
        leg.NoAnswerTimer.Cancel();
        DropLegHold(leg);
        UntrackLeg(leg);
        var fork = call.Fork!;
        if (!fork.Legs.Remove(leg))
        {
            return; // already given up (its ring time ran out, or another leg answered)
        }

        if (status is 486 or 600)
        {
            fork.Busy = true;
        }
        else
        {
            fork.Other = true;
        }

        fork.LastStatus = status;
        fork.LastReason = reason;
        fork.LastRefusal = null; // a leg's own failure, whatever its status
        if (call.State == CallState.Trying && !call.Cancelled)
        {
            Continue(call);
        }
    }

    private void OnLegRingTimeout(Call call, Call leg)
    {
        var fork = call.Fork!;
        if (!fork.Legs.Remove(leg))
        {
            return;
        }

        // Its ring time is over (seed 004 "Ring for", "Ring Time"): CANCEL it and go on; its 487 is only tidied away.
        DropLegHold(leg);
        CancelB(leg);
        Unreachable(fork, 480, "No Answer");
        if (call.State == CallState.Trying && !call.Cancelled)
        {
            Continue(call);
        }
    }

    private void Continue(Call call)
    {
        var fork = call.Fork!;
        if (fork.Legs.Count == 0 && fork.Delayed == 0 && fork.Winner is null)
        {
            RingNext(call);
        }
    }

    /// <summary>Every target of the step failed: the flow's branch for the outcome, or the caller gets the failure.</summary>
    private void StepDone(Call call)
    {
        var fork = call.Fork!;
        var outcome = fork.Busy && !fork.Other ? RingOutcome.Busy : RingOutcome.NoAnswer;
        if (fork.Run.Flow is not null)
        {
            var step = FlowEvaluator.Resume(ref fork.Run, outcome, ContextOf(fork));
            if (step.Kind != FlowStepKind.Stop)
            {
                Execute(call, step);
                return;
            }
        }

        var busy = outcome == RingOutcome.Busy;
        var status = busy ? 486 : fork.LastStatus;
        var disposition = !busy && fork.LastRefusal is { } refusal ? refusal : status switch
        {
            486 or 600 => CallDisposition.Busy,
            408 or 480 => CallDisposition.NoAnswer,
            402 or 403 => CallDisposition.RefusedByBalance,
            503 => CallDisposition.RefusedByLimit,
            _ => CallDisposition.Failed,
        };
        End(call, disposition, status);
        call.AInvite.Respond(status, busy ? "Busy Here" : fork.LastReason, WarningHeader(fork.LimitWarning));
    }

    /// <summary>The <c>Warning: 399 centrex "..."</c> header line for a limit's text (RFC 3261 §20.43), or null.</summary>
    private static string? WarningHeader(string? text) =>
        text is null ? null : $"Warning: 399 centrex \"{text.Replace("\"", "'", StringComparison.Ordinal)}\"\r\n";

    /// <summary>Every leg still ringing gets CANCEL (the caller gave up, or another leg answered).</summary>
    private void CancelLegs(CallFork fork)
    {
        foreach (var leg in fork.Legs)
        {
            leg.NoAnswerTimer.Cancel();
            DropLegHold(leg);
            CancelB(leg);
        }

        fork.Legs.Clear();
    }

    /// <summary>
    /// Another leg answered: the legs still ringing are given up at once (their ring timers stopped, the fork no longer
    /// counts them) but their CANCELs wait for the end of the partition's batch (<see cref="OnBatchEnd"/>). A leg whose
    /// 2xx is already queued behind the winner's (members that answer together) is then answered, and is ACKed and
    /// released with BYE (§15) by <see cref="OnLegAnswered"/>: a CANCEL to it would reach a UAS that has sent its final
    /// response, where it has no effect (§9.2) but a transaction of its own (CANCEL, its 200, Timer K) on both sides.
    /// </summary>
    private void CancelLegsAtBatchEnd(CallFork fork)
    {
        foreach (var leg in fork.Legs)
        {
            leg.NoAnswerTimer.Cancel();
            _cancelAtBatchEnd.Add(leg);
        }

        fork.Legs.Clear();
    }

    /// <summary>
    /// The end of the partition's batch (<see cref="Partitions.CallPartition"/>): the deferred CANCELs go to the legs whose
    /// INVITE is still pending (<see cref="CancelB"/> skips one whose final response arrived in the batch), before
    /// the partition handles anything else. Each leg on its own: a CANCEL that cannot be built or sent is logged and
    /// the next leg is still cancelled (their ring timers were stopped when they lost, so a leg skipped here would ring
    /// on until its phone gave up).
    /// </summary>
    public void OnBatchEnd()
    {
        if (_cancelAtBatchEnd.Count == 0)
        {
            return;
        }

        foreach (var leg in _cancelAtBatchEnd)
        {
            try
            {
                CancelB(leg);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"centrex: partition {_stack.Partition}: the CANCEL of a losing leg of call {leg.Info.Id} to {leg.BRemoteTarget} failed: {e.GetType().Name}: {e.Message}");
            }
        }

        _cancelAtBatchEnd.Clear();
    }

    private void UntrackLeg(Call leg)
    {
        if (leg.BCallId.Length > 0 && _calls.TryGetValue(leg.BCallId, out var tracked) && ReferenceEquals(tracked, leg))
        {
            _calls.Remove(leg.BCallId);
        }
    }
}
