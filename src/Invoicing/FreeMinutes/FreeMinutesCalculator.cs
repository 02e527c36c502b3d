using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Invoicing.FreeMinutes;

/// <summary>
/// The free North America minutes credit (provider FAQ, "How do I use my Free North America Long Distance minutes?"):
/// calls are charged normally when made; at the end of the month the charges of the first N minutes of that month's
/// <c>domestic</c> calls (never toll-free, NANP-international or international), in start order, are credited back.
/// The call that crosses the limit is credited for its covered seconds in proportion to its billed seconds, rounded
/// down to the mill. What is credited is what the call cost the account: its charge less any volume discount. Minutes
/// are billed minutes; unused minutes expire with the month.
/// </summary>
public static class FreeMinutesCalculator
{
    /// <summary>The credit for <paramref name="calls"/> (one account's calls in <paramref name="month"/>, any order).</summary>
    public static FreeMinutesCredit Compute(string accountId, YearMonth month, int allowanceMinutes, IEnumerable<RatedCdr> calls)
    {
        var remaining = allowanceMinutes * 60L;
        long credit = 0;
        var credited = 0;
        if (remaining > 0)
        {
            // Start order; the CDR id breaks ties so the result never depends on the source's order.
            foreach (var call in calls.Where(c => c.Class == NumberClass.Domestic && c.BilledSeconds > 0)
                         .OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                var covered = Math.Min(remaining, call.BilledSeconds);
                credit += covered == call.BilledSeconds ? call.Net.Value : MoneyRounding.ShareRoundedDown(call.Net, covered, call.BilledSeconds).Value;
                remaining -= covered;
                credited++;
                if (remaining == 0)
                {
                    break;
                }
            }
        }

        return new FreeMinutesCredit(accountId, month, allowanceMinutes, (allowanceMinutes * 60L) - remaining, credited, new Mills(credit));
    }
}
