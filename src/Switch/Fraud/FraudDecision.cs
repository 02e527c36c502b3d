namespace Centrex.Switch.Fraud;

/// <summary>What fraud controls say of a new outgoing call.</summary>
/// <param name="Allowed">Whether it may go on (to balance authorization).</param>
/// <param name="MaxSeconds">The longest it may last after answer under the spend caps, or null when they set no limit.</param>
/// <param name="Rule">The rule that refused it (meaningless when allowed).</param>
/// <param name="Reason">The reason phrase of the 403, naming the rule, when refused.</param>
public readonly record struct FraudDecision(bool Allowed, int? MaxSeconds, FraudRule Rule, string? Reason)
{
    /// <summary>Allowed without a limit of its own.</summary>
    public static FraudDecision Unlimited => new(true, null, default, null);
}
