using Centrex.Rating.Charging;
using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>
/// How long a call may last on a given amount of money, by the same rules and the same rounding as
/// <see cref="ChargeCalculator"/>: exact integer arithmetic, never a duration whose charge exceeds the amount.
/// </summary>
public static class AffordableDuration
{
    /// <summary>Every call ends at 120 minutes, inbound and outbound (seed 001: "All calls, inbound and outbound, are
    /// limited to 120 minutes ... to protect against mis-billing and fraud").</summary>
    public const int MaxCallSeconds = 7200;

    /// <summary>
    /// The longest duration in whole seconds, at most <paramref name="cap"/>, whose charge is covered by
    /// <paramref name="available"/>; -1 when not even the first increment is. A call that is free up to the cap
    /// (a toll-free number on a zero rate) gets the cap whatever the amount.
    /// </summary>
    /// <remarks>
    /// A call of <c>d</c> seconds is billed <c>b(d)</c> = first, first + next, first + 2·next, … seconds and charged
    /// <c>ceil((60·connect + rate·b) / 60,000)</c> mills (rates and fees in micro-dollars). For whole mills
    /// <c>A</c>, <c>ceil(x / m) ≤ A ⇔ x ≤ m·A</c>, so the charge fits when <c>60·connect + rate·b ≤ 60,000·A</c>:
    /// the largest <c>k</c> with <c>b = first + k·next</c> fitting is
    /// <c>floor((60,000·A − 60·connect − rate·first) / (rate·next))</c>, and every duration up to <c>first + k·next</c>
    /// is billed at most that. Computed in 128 bits, so no balance or rate can overflow it.
    /// </remarks>
    /// <param name="ratePerMinute">Micro-dollars per minute, non-negative.</param>
    /// <param name="connectFee">Micro-dollars per call, non-negative.</param>
    /// <param name="firstIncrement">Seconds of the first increment, at least 1.</param>
    /// <param name="nextIncrement">Seconds of each further increment, at least 1.</param>
    /// <param name="available">Money the call may spend (may be negative: nothing to spend).</param>
    /// <param name="cap">The longest call allowed, at most <see cref="BillingIncrements.MaxDurationSeconds"/>.</param>
    public static int MaxSeconds(MicroDollars ratePerMinute, MicroDollars connectFee, int firstIncrement, int nextIncrement, Mills available, int cap = MaxCallSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstIncrement, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nextIncrement, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cap, BillingIncrements.MaxDurationSeconds);
        if (Charge(ratePerMinute, connectFee, firstIncrement, nextIncrement, cap) == Mills.Zero)
        {
            return cap;
        }

        Int128 budget = (Int128)ChargeCalculator.Divisor * available.Value;
        Int128 fixedPart = ((Int128)ChargeCalculator.SecondsPerMinute * connectFee.Value) + ((Int128)ratePerMinute.Value * firstIncrement);
        if (fixedPart > budget)
        {
            return -1;
        }

        if (ratePerMinute.Value == 0)
        {
            return cap;
        }

        var steps = (budget - fixedPart) / ((Int128)ratePerMinute.Value * nextIncrement);
        var seconds = firstIncrement + (steps * nextIncrement);
        return seconds >= cap ? cap : (int)seconds;
    }

    /// <summary>The charge of a call of <paramref name="seconds"/> (what <see cref="ChargeCalculator"/> bills).</summary>
    public static Mills Charge(MicroDollars ratePerMinute, MicroDollars connectFee, int firstIncrement, int nextIncrement, int seconds) =>
        ChargeCalculator.Charge(ratePerMinute, connectFee, BillingIncrements.BilledSeconds(seconds, firstIncrement, nextIncrement));
}
