using Centrex.Switch.Provisioning;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Every external number a fork rings is checked and held when its INVITE goes out, not only the first (issue 14,
/// fraud controls). <see cref="TryForward"/> makes the call the payer's call to the first external number; before this,
/// the others rang unchecked and were authorized only if they answered. So a line barred from international calls
/// could still ring the UK as the second number of a simultaneous forward, and a line allowed one international call at
/// a time could ring several at once: the carrier took INVITEs the line's controls refuse, and an answer refused then
/// was already a connected call for the carrier (a premium number is paid on answer). Now each other number rung is
/// authorized as the payer dialling it (balance, fraud controls: barred classes, its own international slot, spend
/// caps) under its own id: refused, it is not rung (403 naming the rule, counted under fraud, as for the first); rung, it
/// holds its slot and money until it fails, loses or answers (then that authorization is the call's, B2bua.AnsweredLeg.cs).
/// The cost: a prepaid payer's money is held once per number ringing, so a balance that pays for only one call rings
/// one external number at a time (README, Fraud controls).
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>False (the reason kept for the caller) when the payer may not call this number now.</summary>
    private bool TryHoldLeg(Call call, Call leg, RingTarget target, SwitchAccount payer)
    {
        var fork = call.Fork!;
        var own = call.Info.Normalized == target.Value && call.Info.AccountId == payer.Id; // the number the call is authorized for (TryForward)
        if (!own && !fork.AuthorizationWithdrawn && !RingsOwnNumber(call))
        {
            // Forwarded to one number, then (it rang out, or was busy) to another: the first holds nothing any more, or
            // a line allowed one international call could not forward from one country to the next.
            _hooks.Balance.Withdraw(call.Info, _stack.Clock.Now);
            fork.AuthorizationWithdrawn = true;
        }

        if (own && !fork.AuthorizationWithdrawn)
        {
            return true;
        }

        var info = own ? call.Info : ForwardedInfo(fork, target, payer) with { Id = NewCallId() };
        var balance = _hooks.Balance.Authorize(info);
        if (!balance.Allowed)
        {
            _stack.Metrics.CountRefusal(balance.ByFraud ? Metrics.RefusalReason.Fraud : Metrics.RefusalReason.Balance);
            return Unreachable(fork, balance.Status == 0 ? 402 : balance.Status, balance.Reason ?? "Payment Required",
                balance.ByFraud ? CallDisposition.RefusedByFraud : CallDisposition.RefusedByBalance);
        }

        if (own)
        {
            fork.AuthorizationWithdrawn = false; // the call's own number rings again, held again
            call.MaxDuration = balance.MaxDuration;
            return true;
        }

        leg.LegHold = info;
        leg.MaxDuration = balance.MaxDuration;
        return true;
    }

    /// <summary>Whether a leg to the number the call itself is authorized for is ringing now.</summary>
    private static bool RingsOwnNumber(Call call)
    {
        foreach (var leg in call.Fork!.Legs)
        {
            if (leg.Target.Kind == RingTargetKind.External && leg.LegHold is null && leg.Target.Value == call.Info.Normalized
                && leg.Target.Payer == call.Info.AccountId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A leg that will not be the call: what its number held comes back at once (idempotent).</summary>
    private void DropLegHold(Call leg)
    {
        if (leg.LegHold is { } held)
        {
            leg.LegHold = null;
            _hooks.Balance.Withdraw(held, _stack.Clock.Now);
        }
    }

    private void DropLegHolds(CallFork fork)
    {
        foreach (var leg in fork.Legs)
        {
            DropLegHold(leg);
        }
    }
}
