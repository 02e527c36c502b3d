using Centrex.Switch.Calls;

namespace Centrex.Switch.Tests.Metrics;

/// <summary>
/// Hooks that refuse every call: by balance (402) when <c>balance</c>, by the fraud controls (403) when <c>fraud</c>,
/// else by a site limit (503).
/// </summary>
internal sealed class RefusingHooks(bool balance, bool fraud = false) : ICallAdmission, IBalanceAuthorization
{
    public BalanceDecision Authorize(CallInfo call) =>
        fraud ? new BalanceDecision(false, null, 403, "international calls barred") { ByFraud = true }
        : balance ? BalanceDecision.Refuse("no money") : BalanceDecision.Unlimited;

    public AdmissionDecision Admit(CallInfo call, ReadOnlyMemory<byte> offerSdp) => AdmissionDecision.Refuse("site Head office: max calls 0 reached");

    public AdmissionDecision Answered(CallInfo call, ReadOnlyMemory<byte> answerSdp) => AdmissionDecision.Admit;

    public void Release(CallInfo call)
    {
    }
}
