using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Invoicing.FreeMinutes;

/// <summary>
/// The free North America minutes credit (provider FAQ, "How do I use my Free North America Long Distance minutes?"):
/// calls "will be first deducted from your account balance like any long distance call and charges for the first 300
/// minutes of North American calling will be refunded at the end of the billing cycle". The charges of the first
/// minutes of the month's <c>domestic</c> calls (never toll-free, NANP-international or international), in start order,
/// are credited back; a call counts against the allowance of a plan in service on its day (in the customer's zone)
/// only. The call that crosses a limit is credited for its covered seconds in proportion to its billed seconds, rounded
/// down to the mill. What is credited is what the call cost the account: its charge less any volume discount. Minutes
/// are billed minutes; "Free monthly minutes must be used in the same month".
/// </summary>
public static class FreeMinutesCalculator
{
    /// <summary>The credit for one allowance covering the whole month (times read in UTC).</summary>
    public static FreeMinutesCredit Compute(string accountId, YearMonth month, int allowanceMinutes, IEnumerable<RatedCdr> calls) =>
        Compute(accountId, month, [new FreeMinutesAllowance(string.Empty, month.OnDayOfMonth(1), Subscriptions.SubscriptionSchedule.LastDay(month), allowanceMinutes)], calls, DateTimeZone.Utc);

    /// <summary>The credit for <paramref name="calls"/> (one account's calls in <paramref name="month"/>, any order).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="month">The month the calls were made in.</param>
    /// <param name="allowances">The subscriptions' allowances in that month.</param>
    /// <param name="calls">The account's calls of the month.</param>
    /// <param name="zone">The customer's zone: a call's day is its start's date there.</param>
    public static FreeMinutesCredit Compute(string accountId, YearMonth month, IReadOnlyList<FreeMinutesAllowance> allowances, IEnumerable<RatedCdr> calls, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(allowances);
        var remaining = allowances.Select(a => a.Minutes * 60L).ToArray();
        var left = remaining.Sum();
        long credit = 0, covered = 0;
        var credited = 0;
        if (left > 0)
        {
            // Start order; the CDR id breaks ties so the result never depends on the source's order.
            foreach (var call in calls.Where(c => c.Class == NumberClass.Domestic && c.BilledSeconds > 0)
                         .OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                var day = call.Start.InZone(zone).Date;
                long callCovered = 0;
                for (var i = 0; i < allowances.Count && callCovered < call.BilledSeconds; i++)
                {
                    if (remaining[i] > 0 && day >= allowances[i].From && day <= allowances[i].To)
                    {
                        var take = Math.Min(remaining[i], call.BilledSeconds - callCovered);
                        remaining[i] -= take;
                        callCovered += take;
                    }
                }

                if (callCovered == 0)
                {
                    continue;
                }

                credit += callCovered == call.BilledSeconds ? call.Net.Value : MoneyRounding.ShareRoundedDown(call.Net, callCovered, call.BilledSeconds).Value;
                covered += callCovered;
                credited++;
                left -= callCovered;
                if (left == 0)
                {
                    break;
                }
            }
        }

        return new FreeMinutesCredit(accountId, month, allowances.Sum(a => a.Minutes), covered, credited, new Mills(credit));
    }
}
