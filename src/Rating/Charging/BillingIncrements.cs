using System.Runtime.CompilerServices;

namespace Centrex.Rating.Charging;

/// <summary>
/// Rounds a call's duration up to the tariff's billing increments (e.g. 30/6: the first 30 seconds, then 6-second steps).
/// </summary>
public static class BillingIncrements
{
    /// <summary>Longest billable duration of one call record: one day.</summary>
    public const int MaxDurationSeconds = 86_400;

    /// <summary>The shift of the reciprocal division: 2^35 makes it exact for every dividend below 2^18.</summary>
    private const int ReciprocalShift = 35;

    /// <summary>
    /// Billed seconds: 0 for 0; <paramref name="first"/> when the call fits in it; otherwise
    /// <c>first + ceil((duration − first) / next) × next</c>.
    /// </summary>
    /// <param name="duration">Billable seconds, 0 to <see cref="MaxDurationSeconds"/>.</param>
    /// <param name="first">First increment in seconds, at least 1.</param>
    /// <param name="next">Each following increment in seconds, at least 1.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BilledSeconds(int duration, int first, int next)
    {
        if (duration <= 0)
        {
            return 0;
        }

        if (duration <= first)
        {
            return first;
        }

        // 0 < extra < 86,400 and 1 ≤ next ≤ int.MaxValue, so extra + next − 1 < 2^32: a 32-bit unsigned division,
        // several times cheaper than a 64-bit one, is exact. The product is then formed in 64 bits.
        var extra = (uint)(duration - first);
        var steps = unchecked((extra + (uint)next - 1) / (uint)next);
        return first + ((long)steps * next);
    }

    /// <summary>
    /// The multiplier that lets <see cref="BilledSeconds(int, int, int, ulong)"/> divide by <paramref name="next"/>
    /// with a multiply and a shift: <c>floor(2^35 / d) + 1</c> with <c>d = min(next, 86,400)</c>.
    /// </summary>
    public static ulong StepReciprocal(int next) =>
        ((1UL << ReciprocalShift) / (ulong)Math.Clamp(next, 1, MaxDurationSeconds)) + 1;

    /// <summary>
    /// The same as <see cref="BilledSeconds(int, int, int)"/>, with the division done by <paramref name="reciprocal"/>
    /// (from <see cref="StepReciprocal"/>): a division is tens of cycles, the multiply a few.
    /// </summary>
    /// <remarks>
    /// Exact because the dividend <c>n = extra + d − 1</c> is below 2^18 (extra &lt; 86,400, d ≤ 86,400) and
    /// <c>e = m·d − 2^35</c> is at most d ≤ 2^17: then <c>n·m / 2^35 = n/d + n·e/(d·2^35)</c> and
    /// <c>n·e &lt; 2^35</c>, so the error is below 1/d and cannot reach the next integer (the
    /// Granlund–Montgomery bound). When next exceeds a day, every billable remainder fits in one step, which is
    /// what dividing by 86,400 gives too. n·m &lt; 2^18 · (2^35 + 1) fits in 64 bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BilledSeconds(int duration, int first, int next, ulong reciprocal)
    {
        if (duration <= 0)
        {
            return 0;
        }

        if (duration <= first)
        {
            return first;
        }

        var divisor = (uint)Math.Min(next, MaxDurationSeconds);
        var dividend = (ulong)(uint)(duration - first) + divisor - 1;
        var steps = (long)((dividend * reciprocal) >> ReciprocalShift);
        return first + (steps * next);
    }
}
