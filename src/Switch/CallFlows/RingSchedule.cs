using NodaTime;

namespace Centrex.Switch.CallFlows;

/// <summary>
/// Periods of the week as the period wizard and office hours give them (seed 004, "How to define a time period using the
/// wizard"): a start and end time, the days it starts on and the months, as bit masks so a check allocates nothing. An
/// end before the start runs past midnight and belongs to the day it starts (the seed's 20:00–08:00 weekday example).
/// </summary>
/// <param name="From">Start time.</param>
/// <param name="To">End time, exclusive; before <paramref name="From"/>: the next day.</param>
/// <param name="Days">Bit (1 &lt;&lt; IsoDayOfWeek) for each day it starts on.</param>
/// <param name="Months">Bit (1 &lt;&lt; month) for each month.</param>
public readonly record struct RingSchedule(LocalTime From, LocalTime To, int Days, int Months)
{
    /// <summary>Every month.</summary>
    public const int AllMonths = 0b1_1111_1111_1110;

    /// <summary>Whether <paramref name="local"/> falls in the period.</summary>
    public bool Contains(LocalDateTime local)
    {
        var time = local.TimeOfDay;
        if (From < To)
        {
            return time >= From && time < To && On(local.Date);
        }

        var started = time >= From ? local.Date : local.Date.PlusDays(-1);
        return (time >= From || time < To) && On(started);
    }

    private bool On(LocalDate date) => (Days & (1 << (int)date.DayOfWeek)) != 0 && (Months & (1 << date.Month)) != 0;

    /// <summary>Whether any of <paramref name="periods"/> contains <paramref name="local"/>.</summary>
    public static bool AnyContains(RingSchedule[] periods, LocalDateTime local)
    {
        foreach (var p in periods)
        {
            if (p.Contains(local))
            {
                return true;
            }
        }

        return false;
    }
}
