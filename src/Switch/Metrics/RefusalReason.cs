namespace Centrex.Switch.Metrics;

/// <summary>
/// Why the switch refused a request it could otherwise have served: the <c>reason</c> label of
/// <c>centrex_sip_refusals_total</c> (README, "Metrics"). Values may only be added: the label names are a contract
/// with dashboards and alerts.
/// </summary>
public enum RefusalReason
{
    /// <summary>Site admission control: a call or bandwidth limit of the caller's or callee's site (<c>limits</c>).</summary>
    Limits = 0,

    /// <summary>Balance authorization: the account cannot pay, no rate, not a number, charging unavailable (<c>balance</c>).</summary>
    Balance = 1,

    /// <summary>Fraud controls of the account: concurrent international calls, spend per hour or day, a barred
    /// destination class (<c>fraud</c>).</summary>
    Fraud = 2,

    /// <summary>A per-source limit on the rate of requests from unauthenticated sources (<c>rate-limit</c>).</summary>
    RateLimit = 3,
}
