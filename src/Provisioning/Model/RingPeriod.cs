using NodaTime;

namespace Centrex.Provisioning.Model;

/// <summary>
/// One interval of a forwarding number's ring schedule, as the period wizard builds it (seed 004, "How to define a time
/// period using the wizard?": start and end time on a 24-hour clock, days of the week, months). An end before the start
/// runs past midnight ("starts at 8pm and lasts until 8am the next morning"), and then belongs to the day it starts on.
/// Times are in the customer's time zone.
/// </summary>
/// <param name="From">Start time.</param>
/// <param name="To">End time (exclusive); before <paramref name="From"/>: the next day.</param>
/// <param name="Days">The days of the week it starts on.</param>
/// <param name="Months">The months (1–12) it applies in.</param>
public sealed record RingPeriod(LocalTime From, LocalTime To, IReadOnlyList<IsoDayOfWeek> Days, IReadOnlyList<int> Months)
{
    /// <summary>Every month.</summary>
    public static readonly IReadOnlyList<int> AllMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    /// <summary>Whether <paramref name="local"/> (the customer's local time) falls in this period.</summary>
    public bool Contains(LocalDateTime local)
    {
        var time = local.TimeOfDay;
        if (From < To)
        {
            return time >= From && time < To && Days.Contains(local.DayOfWeek) && Months.Contains(local.Month);
        }

        // Past midnight: the evening part on a listed day, the morning part on the day after one.
        var started = time >= From ? local.Date : local.Date.PlusDays(-1);
        var inside = time >= From || time < To;
        return inside && Days.Contains(started.DayOfWeek) && Months.Contains(started.Month);
    }
}
