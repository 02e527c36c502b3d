using System.Diagnostics.CodeAnalysis;

namespace Centrex.Switch.Authorization;

/// <summary>
/// Balance authorization, as the B2BUA calls it before a chargeable call (outgoing or forwarded to a priced number)
/// starts: may it start, and for how long?
/// </summary>
public interface ICallAuthorizer
{
    /// <summary>
    /// Prices the number with the tariff (longest prefix; connect fee, first and next increments, rate) and the
    /// account's available money (balance, plus the credit limit of a credit account, less what its other calls in
    /// progress hold). Refuses when the first increment is not covered; otherwise allows the longest call the money
    /// covers, at most 120 minutes, and holds its price until <see cref="CallAuthorization.Release"/>.
    /// </summary>
    /// <param name="account">The account that pays.</param>
    /// <param name="dialedCallee">The callee as dialed (normalized by the numbering plan's rules).</param>
    /// <param name="startUnixSeconds">When the call is set up, on the switch's clock: the tariff in force then prices it
    /// (issue 16's scheduled tariffs), as the CDR stage rates the call by its start.</param>
    /// <param name="authorization">The grant, when allowed.</param>
    /// <param name="refusal">Why not, with the SIP status to answer.</param>
    bool TryAuthorize(SwitchAccount account, ReadOnlySpan<byte> dialedCallee, long startUnixSeconds, [NotNullWhen(true)] out CallAuthorization? authorization, out AuthorizationRefusal refusal);
}
