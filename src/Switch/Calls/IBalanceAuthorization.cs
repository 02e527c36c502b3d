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
}
