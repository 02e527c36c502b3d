using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>
/// An account's fraud controls on its outgoing calls (issue 14); null fields set no limit. JSON: the account's
/// <c>fraud</c> object, <c>{ "max_international_calls": 2, "max_spend_per_hour": "20.00", "max_spend_per_day":
/// "100.00", "blocked_classes": ["international", "premium"] }</c>.
/// </summary>
/// <param name="MaxInternationalCalls">International calls (<see cref="FraudClass.International"/>) up at once; 0 bars them.</param>
/// <param name="MaxSpendPerHour">Most the account's outgoing calls may cost in any 60 minutes.</param>
/// <param name="MaxSpendPerDay">Most they may cost in any 24 hours.</param>
/// <param name="BlockedClasses">Destination classes the account may not call at all.</param>
public sealed record FraudLimits(int? MaxInternationalCalls, Mills? MaxSpendPerHour, Mills? MaxSpendPerDay, IReadOnlyList<FraudClass> BlockedClasses)
{
    /// <summary>Whether any control is set (an account without one is stored and exported without a <c>fraud</c> object).</summary>
    public bool IsEmpty => MaxInternationalCalls is null && MaxSpendPerHour is null && MaxSpendPerDay is null && BlockedClasses.Count == 0;
}
