using NodaTime;

namespace Centrex.Ledger.State;

/// <summary>
/// The month a call falls in for its customer (issue 17: "The month is the customer's month in the customer's time
/// zone, for the counters as well as for the invoice"; a call at 22:00 on Oct 31 in Vancouver is 05:00 Nov 1 UTC and
/// counts in October). The journal stores it as the local month's offset from the UTC month (−1, 0 or +1) in the rated
/// call's byte 3, so replay and verification need no time zone data and give the same counters whatever provisioning
/// says later. Journals written before hold 0 there: their calls count in their UTC month, as they always did.
/// </summary>
public static class LocalPeriod
{
    // No zone is more than 18 hours from UTC (NodaTime's Offset range): only a call within that of a UTC month boundary
    // can be in another month locally, so every other call is decided without looking at its zone.
    private const long MaxOffsetSeconds = 18 * 3600;

    /// <summary>The local month minus the UTC month (−1, 0, +1) of a call starting at <paramref name="unixSeconds"/> in <paramref name="zone"/>.</summary>
    public static sbyte MonthOffset(long unixSeconds, DateTimeZone? zone)
    {
        if (zone is null || !NearMonthBoundary(unixSeconds))
        {
            return 0;
        }

        var utc = UtcPeriod.FromUnixSeconds(unixSeconds);
        var local = UtcPeriod.FromUnixSeconds(unixSeconds + zone.GetUtcOffset(Instant.FromUnixTimeSeconds(unixSeconds)).Seconds);
        return (sbyte)Math.Sign(Months(local) - Months(utc));
    }

    /// <summary>
    /// Whether a call starting at <paramref name="unixSeconds"/> may fall in another month in some zone (it is within 18
    /// hours of a UTC month boundary): only then does <see cref="MonthOffset"/> need the customer's zone, so a caller
    /// can skip looking it up for every other call.
    /// </summary>
    public static bool NearMonthBoundary(long unixSeconds)
    {
        var utc = UtcPeriod.FromUnixSeconds(unixSeconds);
        return UtcPeriod.FromUnixSeconds(unixSeconds - MaxOffsetSeconds) != utc || UtcPeriod.FromUnixSeconds(unixSeconds + MaxOffsetSeconds) != utc;
    }

    /// <summary>The <c>yyyyMM</c> period <paramref name="offset"/> months from the UTC month of <paramref name="unixSeconds"/>.</summary>
    public static int Of(long unixSeconds, sbyte offset)
    {
        var utc = UtcPeriod.FromUnixSeconds(unixSeconds);
        if (offset == 0)
        {
            return utc;
        }

        var months = Months(utc) + offset;
        return (Math.DivRem(months, 12, out var m) * 100) + m + 1;
    }

    private static int Months(int period) => ((period / 100) * 12) + (period % 100) - 1;
}
