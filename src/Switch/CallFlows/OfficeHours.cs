using NodaTime;
using NodaTime.Text;

namespace Centrex.Switch.CallFlows;

/// <summary>
/// A time-routing node's office hours, <c>mon-fri 09:00-17:00, sat 10:00-14:00</c>, and holidays, <c>2026-12-25
/// 2027-01-01</c> (provisioning checks the same text on import: <c>Centrex.Provisioning.Model.OfficeHours</c>).
/// </summary>
public static class OfficeHours
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The periods of <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not office hours; the message says why.</exception>
    public static RingSchedule[] Parse(string text)
    {
        var periods = new List<RingSchedule>();
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var times = parts.Length == 2 ? parts[1].Split('-') : [];
            if (parts.Length != 2 || times.Length != 2 || Time.Parse(times[0]) is not { Success: true } from || Time.Parse(times[1]) is not { Success: true } to)
            {
                throw new FormatException($"'{entry}' is not DAYS HH:MM-HH:MM (e.g. mon-fri 09:00-17:00)");
            }

            periods.Add(new RingSchedule(from.Value, to.Value, Days(parts[0]), RingSchedule.AllMonths));
        }

        return periods.Count > 0 ? [.. periods] : throw new FormatException("no office hours given");
    }

    /// <summary>Holidays, sorted (binary search without allocating).</summary>
    public static LocalDate[] ParseHolidays(string? text)
    {
        var dates = new List<LocalDate>();
        foreach (var word in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            dates.Add(LocalDatePattern.Iso.Parse(word).GetValueOrThrow());
        }

        dates.Sort();
        return [.. dates];
    }

    /// <summary>A day mask of days (<c>1 &lt;&lt; IsoDayOfWeek</c>).</summary>
    public static int DayMask(IEnumerable<IsoDayOfWeek> days) => days.Aggregate(0, (mask, d) => mask | (1 << (int)d));

    private static int Days(string text)
    {
        var range = text.Split('-');
        var first = Array.IndexOf(DayNames, range[0]);
        var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
        if (range.Length > 2 || first < 0 || last < 0)
        {
            throw new FormatException($"'{text}' is not a day or day range of {string.Join(", ", DayNames)}");
        }

        var mask = 0;
        for (var d = first; ; d = (d + 1) % 7)
        {
            mask |= 1 << (d + 1);
            if (d == last)
            {
                return mask;
            }
        }
    }
}
