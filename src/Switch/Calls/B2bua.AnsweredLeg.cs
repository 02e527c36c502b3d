using Centrex.Switch.Provisioning;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Only the leg that answers is billed (seed 001 "How are forwarded calls billed?": the forwarding account pays the
/// external leg). A fork authorizes and admits its call as a forwarded call when it first rings an external number
/// (<see cref="TryForward"/>), but what answers may be something else: a line of ours or a <c>sip:</c> URI (simultaneous
/// follow-me, or numbers tried in order after the external one rang out), or another external number of the list.
/// At the answer the call becomes exactly the call that was answered, in its CDR, its hold on the payer's money, its
/// duration cap and its site counters.
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>
    /// Makes the call the call <paramref name="leg"/> answered. A line of ours or a URI: the call that arrived again (not
    /// priced: the forwarding line's hold and fraud-control slot come back at once instead of at the CDR, its duration
    /// cap no longer cuts the call, and it no longer counts against <c>max_forwarded</c> and the payer's outgoing calls).
    /// Another external number than the one authorized: its own authorization, taken when it rang (B2bua.LegHolds.cs),
    /// becomes the call's and the call is admitted again for that number, so the CDR prices what was called. False when the call so made is refused (the site is full now, or the payer cannot afford
    /// that number); the caller then gets the refusal (503 with the Warning, or 402/403) and the leg a BYE, as any
    /// answer that does not fit (README-callctl.md, Admission).
    /// </summary>
    private bool TrySettleAnswer(Call call, Call leg, NodaTime.Instant answeredAt)
    {
        var fork = call.Fork!;
        CallInfo answered;
        BalanceDecision? granted = null;
        if (leg.LegHold is { } held)
        {
            // Authorized for itself when it rang (B2bua.LegHolds.cs): that authorization becomes the call's.
            answered = held;
            granted = new BalanceDecision(true, leg.MaxDuration, 0, null);
            leg.LegHold = null;
        }
        else if (leg.Target.Kind == RingTargetKind.External)
        {
            var payer = fork.Directory.FindAccount(leg.Target.Payer!)!; // StartLeg found it
            if (call.Info.Forwarded && call.Info.Normalized == leg.Target.Value && call.Info.AccountId == payer.Id)
            {
                return true; // the number authorized when it first rang
            }

            answered = ForwardedInfo(fork, leg.Target, payer);
        }
        else if (call.Info.Forwarded)
        {
            answered = fork.Original;
        }
        else
        {
            return true;
        }

        _hooks.Balance.Withdraw(call.Info, answeredAt); // the leg's 2xx arrival: its ACK has gone out since
        if (call.Admitted)
        {
            _hooks.Admission.Release(call.Info);
            call.Admitted = false;
        }

        call.Info = answered;
        var balance = granted ?? _hooks.Balance.Authorize(answered); // a call to a line: not priced, as at its INVITE
        var admission = balance.Allowed ? _hooks.Admission.Admit(answered, call.Offer) : default;
        if (balance.Allowed && admission.Admitted)
        {
            call.Admitted = true;
            call.MaxDuration = balance.MaxDuration;
            return true;
        }

        _stack.Metrics.CountRefusal(!balance.Allowed ? (balance.ByFraud ? Metrics.RefusalReason.Fraud : Metrics.RefusalReason.Balance) : Metrics.RefusalReason.Limits);
        ByeB(leg);
        UntrackLeg(leg);
        var warning = WarningHeader(admission.Warning); // null when the balance refused it
        var status = balance.Allowed ? (admission.Status == 0 ? 503 : admission.Status) : (balance.Status == 0 ? 402 : balance.Status);
        var disposition = balance.Allowed ? CallDisposition.RefusedByLimit : balance.ByFraud ? CallDisposition.RefusedByFraud : CallDisposition.RefusedByBalance;
        End(call, disposition, status, answeredAt);
        call.AInvite.Respond(status, balance.Allowed ? "Service Unavailable" : balance.Reason ?? "Payment Required", warning);
        return false;
    }

    /// <summary>
    /// A forwarded call picked up by a line of ours (B2bua.Pickup.cs) while its external number rings: the call that
    /// arrived again, as when a line of ours answers (<see cref="TrySettleAnswer"/>). False, with the Warning text, when
    /// the original call does not fit its site now; the call then stays the forwarded call it was and goes on ringing.
    /// </summary>
    private bool TryUnforward(Call call, out string? warning)
    {
        var original = call.Fork!.Original;
        if (call.Admitted)
        {
            _hooks.Admission.Release(call.Info);
        }

        var admission = _hooks.Admission.Admit(original, call.Offer);
        if (!admission.Admitted)
        {
            call.Admitted = _hooks.Admission.Admit(call.Info, call.Offer).Admitted; // back to what it was
            warning = admission.Warning;
            return false;
        }

        call.Admitted = true;
        _hooks.Balance.Withdraw(call.Info, _stack.Clock.Now);
        call.Info = original;
        var balance = _hooks.Balance.Authorize(original); // a call to a line: not priced, as at its INVITE
        call.MaxDuration = balance.Allowed ? balance.MaxDuration : call.MaxDuration;
        warning = null;
        return true;
    }

    /// <summary>The call as the forwarding line's call to <paramref name="target"/>'s number (seed 001).</summary>
    private static CallInfo ForwardedInfo(CallFork fork, RingTarget target, SwitchAccount payer) => fork.Original with
    {
        AccountId = payer.Id, Normalized = target.Value, Direction = CallDirection.Outgoing, Forwarded = true,
        SiteId = fork.Directory.FindSite(payer.SiteId).Id,
    };
}
