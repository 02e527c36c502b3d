using System.Runtime.CompilerServices;
using Centrex.Rating.Money;

namespace Centrex.Rating.Charging;

/// <summary>
/// Exact charge of a call: connect fee + rate × billed seconds / 60, rounded up to the next whole mill.
/// Everything is integer: the exact amount is kept in sixtieths of a micro-dollar until the single rounding.
/// </summary>
public static class ChargeCalculator
{
    /// <summary>Seconds per minute: rates are quoted per minute.</summary>
    public const long SecondsPerMinute = 60;

    /// <summary>The divisor that turns micro-dollar-seconds-per-minute into mills.</summary>
    public const long Divisor = SecondsPerMinute * MicroDollars.PerMill;

    /// <summary>
    /// The exact charge numerator <c>connect × 60 + rate × billed</c> (micro-dollars × seconds per minute) plus <c>Divisor − 1</c>, so that dividing by <see cref="Divisor"/> rounds up;
    /// checked so a tariff whose rates cannot be priced without overflow is caught when it is loaded.
    /// </summary>
    public static long RoundedUpNumerator(MicroDollars ratePerMinute, MicroDollars connectFee, long billedSeconds) =>
        checked((connectFee.Value * SecondsPerMinute) + (ratePerMinute.Value * billedSeconds) + (Divisor - 1));

    /// <summary>Charge for a call, rounded up to the mill; 0 when nothing is billed (no connect fee either).</summary>
    /// <param name="ratePerMinute">Rate in micro-dollars per minute, non-negative.</param>
    /// <param name="connectFee">Connect fee in micro-dollars, non-negative.</param>
    /// <param name="billedSeconds">Billed seconds from <see cref="BillingIncrements"/>.</param>
    public static Mills Charge(MicroDollars ratePerMinute, MicroDollars connectFee, long billedSeconds) =>
        billedSeconds == 0 ? Mills.Zero : new Mills(RoundedUpNumerator(ratePerMinute, connectFee, billedSeconds) / Divisor);

    /// <summary>
    /// The same as <see cref="Charge"/> without overflow checks, for the rating kernel. Only valid for terms
    /// <see cref="Tariffs.TariffTerms"/> admitted by the tariff loader, which proves the numerator fits at the longest
    /// billable duration; the numerator only grows with billed seconds, so every shorter call fits too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Mills ChargeUnchecked(long ratePerMinute, long connectFee, long billedSeconds) =>
        billedSeconds == 0
            ? Mills.Zero
            : new Mills(unchecked((connectFee * SecondsPerMinute) + (ratePerMinute * billedSeconds) + (Divisor - 1)) / Divisor);
}
