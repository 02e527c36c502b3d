using System.Runtime.CompilerServices;

namespace Centrex.Rating.Charging;

/// <summary>
/// Rounds a call's duration up to the tariff's billing increments (e.g. 30/6: the first 30 seconds, then 6-second steps).
/// </summary>
public static class BillingIncrements
{
    /// <summary>Longest billable duration of one call record: one day.</summary>
    public const int MaxDurationSeconds = 86_400;

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
}
