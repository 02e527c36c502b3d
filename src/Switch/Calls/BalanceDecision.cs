using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>Balance authorization's answer: allowed (with an optional maximum duration) or refused (402 with a reason).</summary>
/// <param name="Allowed">Whether the call may start.</param>
/// <param name="MaxDuration">The longest the call may last once answered; null for no limit beyond the 120-minute cap.</param>
/// <param name="Status">The response status when refused (402).</param>
/// <param name="Reason">The reason phrase when refused.</param>
public readonly record struct BalanceDecision(bool Allowed, Duration? MaxDuration, int Status, string? Reason)
{
    /// <summary>Refused by the account's fraud controls (403, the rule in the reason): recorded as such in its CDR.</summary>
    public bool ByFraud { get; init; }

    /// <summary>Allowed without a limit of its own.</summary>
    public static BalanceDecision Unlimited => new(true, null, 0, null);

    /// <summary>Allowed for at most <paramref name="duration"/> after answer.</summary>
    public static BalanceDecision For(Duration duration) => new(true, duration, 0, null);

    /// <summary>Refused with 402 Payment Required and <paramref name="reason"/>.</summary>
    public static BalanceDecision Refuse(string reason) => new(false, null, 402, reason);
}
