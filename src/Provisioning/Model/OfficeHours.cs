using NodaTime;
using NodaTime.Text;

namespace Centrex.Provisioning.Model;

/// <summary>
/// A time-routing node's office hours as text (seed 002 "route inbound calls normally Mon-Fri 9 to 5"):
/// <c>mon-fri 09:00-17:00, sat 10:00-14:00</c> — comma-separated entries of a day or day range and a time range on a
/// 24-hour clock; an end before the start runs past midnight, as in the period wizard (<see cref="RingPeriod"/>). The
/// switch reads the same text (<c>Centrex.Switch.CallFlows.OfficeHours</c>); this copy checks it on import.
/// </summary>
public static class OfficeHours
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The periods of <paramref name="text"/>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static IReadOnlyList<RingPeriod>? TryParse(string text, out string? error)
    {
        var periods = new List<RingPeriod>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                error = $"'{raw}' is not DAYS HH:MM-HH:MM (e.g. mon-fri 09:00-17:00)";
                return null;
            }

            var days = Days(parts[0]);
            var times = parts[1].Split('-');
            var pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
            if (days is null)
            {
                error = $"'{parts[0]}' is not a day or day range of {string.Join(", ", DayNames)}";
                return null;
            }

            if (times.Length != 2 || pattern.Parse(times[0]) is not { Success: true } from || pattern.Parse(times[1]) is not { Success: true } to)
            {
                error = $"'{parts[1]}' is not a time range HH:MM-HH:MM (24-hour clock)";
                return null;
            }

            periods.Add(new RingPeriod(from.Value, to.Value, days, RingPeriod.AllMonths));
        }

        error = periods.Count == 0 ? "no office hours given" : null;
        return periods.Count == 0 ? null : periods;
    }

    /// <summary>Holidays as space-separated ISO dates, or null with <paramref name="error"/>.</summary>
    public static IReadOnlyList<LocalDate>? TryParseHolidays(string text, out string? error)
    {
        var dates = new List<LocalDate>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = LocalDatePattern.Iso.Parse(word);
            if (!parsed.Success)
            {
                error = $"'{word}' is not a date YYYY-MM-DD";
                return null;
            }

            dates.Add(parsed.Value);
        }

        error = null;
        return dates;
    }

    private static List<IsoDayOfWeek>? Days(string text)
    {
        var range = text.Split('-');
        var first = Array.IndexOf(DayNames, range[0]);
        var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
        if (range.Length > 2 || first < 0 || last < 0)
        {
            return null;
        }

        var days = new List<IsoDayOfWeek>();
        for (var d = first; ; d = (d + 1) % 7)
        {
            days.Add((IsoDayOfWeek)(d + 1));
            if (d == last)
            {
                return days;
            }
        }
    }
}
