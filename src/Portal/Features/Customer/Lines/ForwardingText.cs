using System.Globalization;
using Centrex.Provisioning.Model;
using NodaTime.Text;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>How a ring schedule reads on the page: <c>Mon–Fri 20:00–08:00 (next day), all months</c>.</summary>
public static class ForwardingText
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The schedule of a number; "Always" when it has none.</summary>
    public static string Schedule(ForwardTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Schedule.Count == 0 ? "Always" : string.Join("; ", target.Schedule.Select(Period));
    }

    /// <summary>One period.</summary>
    public static string Period(RingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var days = string.Join(", ", period.Days.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames[(int)d % 7]));
        var months = period.Months.Count == 12 ? "all months" : string.Join(", ", period.Months.Select(m => CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[m - 1]));
        var overnight = period.To < period.From ? " (next day)" : string.Empty;
        return $"{days} {Time.Format(period.From)}–{Time.Format(period.To)}{overnight}, {months}";
    }

    /// <summary>The days of the week, Monday first, with their wire names.</summary>
    public static IReadOnlyList<(string Name, string Title)> Days { get; } =
        [("mon", "Monday"), ("tue", "Tuesday"), ("wed", "Wednesday"), ("thu", "Thursday"), ("fri", "Friday"), ("sat", "Saturday"), ("sun", "Sunday")];
}
