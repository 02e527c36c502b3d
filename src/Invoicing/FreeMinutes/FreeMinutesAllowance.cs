using Centrex.Invoicing.Subscriptions;
using Centrex.Provisioning.Model;
using NodaTime;

namespace Centrex.Invoicing.FreeMinutes;

/// <summary>
/// The free North America minutes one subscription brings to one month: they cover only calls made while it is in
/// service (from <see cref="From"/> through <see cref="To"/>, days in the customer's zone), and a partial month's
/// allowance is prorated by the same day fraction as the plan's fee, rounded down to whole minutes (issue 17).
/// </summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="From">First day of the month it is in service.</param>
/// <param name="To">Last day of the month it is in service.</param>
/// <param name="Minutes">Its minutes for those days.</param>
public sealed record FreeMinutesAllowance(string SubscriptionId, LocalDate From, LocalDate To, int Minutes)
{
    /// <summary>The allowances of an account's subscriptions in <paramref name="month"/>, by start then id.</summary>
    public static IReadOnlyList<FreeMinutesAllowance> For(IReadOnlyList<Subscription> subscriptions, IReadOnlyDictionary<string, Product> products, YearMonth month)
    {
        var first = month.OnDayOfMonth(1);
        var last = SubscriptionSchedule.LastDay(month);
        var result = new List<FreeMinutesAllowance>();
        foreach (var s in subscriptions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var minutes = products[s.ProductId].FreeNorthAmericaMinutes;
            var end = SubscriptionSchedule.ServiceEnd(s, subscriptions);
            var from = s.Start > first ? s.Start : first;
            var to = end is { } e && e < last ? e : last;
            if (minutes == 0 || to < from)
            {
                continue;
            }

            // Rounded down: a partial month never gives more minutes than its share.
            var days = Period.DaysBetween(from, to) + 1;
            result.Add(new FreeMinutesAllowance(s.Id, from, to, checked(minutes * days) / last.Day));
        }

        return result;
    }
}
