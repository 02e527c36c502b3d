namespace Centrex.Switch.Calls;

/// <summary>
/// "May this call start, and for how long?" — asked of rating before a call is tried. A refused call gets the
/// decision's status (402) and reason; an allowed one is ended with BYE on both legs when its maximum duration
/// runs out after answer. Called under the switch's lock: answer from memory, do not block.
/// </summary>
public interface IBalanceAuthorization
{
    /// <summary>Decides whether the call may start.</summary>
    BalanceDecision Authorize(CallInfo call);

    /// <summary>
    /// The call will not be the call <see cref="Authorize"/> priced after all (a forwarded call answered by a line of
    /// ours instead, issue 15): give back the money and fraud-control slot held for it at once, not at its CDR, so the
    /// forwarding line's balance is not held by a call it does not pay for. Idempotent; nothing held: nothing to do.
    /// </summary>
    void Withdraw(CallInfo call, NodaTime.Instant now)
    {
    }
}
