namespace Centrex.Switch.Fraud;

/// <summary>The fraud control that refused a call (one counter each, <see cref="FraudControl"/>).</summary>
public enum FraudRule
{
    /// <summary>The account's international calls up at once reached <c>max_international_calls</c>.</summary>
    MaxInternationalCalls,

    /// <summary>What its outgoing calls cost in the last 60 minutes (plus what calls up may still cost) reached <c>max_spend_per_hour</c>.</summary>
    MaxSpendPerHour,

    /// <summary>The same over the last 24 hours reached <c>max_spend_per_day</c>.</summary>
    MaxSpendPerDay,

    /// <summary>An international destination, barred by <c>blocked_classes</c>.</summary>
    BlockedInternational,

    /// <summary>A premium-rate number, barred by <c>blocked_classes</c>.</summary>
    BlockedPremium,
}
