namespace Centrex.Ledger.State;

/// <summary>
/// The calendar month (<c>yyyyMM</c>, UTC) a moment falls in. Counters are kept by the customer's month
/// (<see cref="LocalPeriod"/>), which is this one shifted by the month offset the journal records.
/// </summary>
public static class UtcPeriod
{
    /// <summary>The <c>yyyyMM</c> of a Unix time, by H. Hinnant's civil-from-days (no allocation, no time zone data).</summary>
    public static int FromUnixSeconds(long unixSeconds)
    {
        var days = Math.DivRem(unixSeconds, 86_400L, out var secondsOfDay) - (secondsOfDay < 0 ? 1 : 0);
        days += 719_468;
        var era = (days >= 0 ? days : days - 146_096) / 146_097;
        var dayOfEra = days - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1_460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthIndex = ((5 * dayOfYear) + 2) / 153;
        var month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (int)((year * 100) + month);
    }
}
