using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Rating.Discounts;

/// <summary>
/// Applies volume discounts to one call at rating time, so the balance is right in real time (issue 3; self-care
/// manual, Volume Discounts). The rules:
/// <list type="bullet">
/// <item>Plans whose destination group contains the call are taken by descending precedence (ties by id).</item>
/// <item>A combinable plan discounts what is left of the charge after the plans before it, so combined discounts never
/// exceed the charge. A non-combinable plan is skipped when a plan before it already gave a discount, and when it gives
/// a discount itself it stops every plan after it.</item>
/// <item>A plan's counter counts every call the plan was evaluated for (also in a 0% tier); a plan that was skipped or
/// stopped does not count the call. Counters reset each period.</item>
/// <item>A call that crosses thresholds is split at them: each part gets its tier's rate, in proportion to its share of
/// the call's billed seconds (minutes plans) or gross charge (money plans). The plan's discount for the call is that
/// exact sum rounded down to the mill, once: never more than the exact discount.</item>
/// </list>
/// </summary>
public static class VolumeDiscounter
{
    /// <summary>
    /// The discount for <paramref name="call"/> under <paramref name="plans"/>, updating <paramref name="counters"/>.
    /// </summary>
    /// <param name="call">The rated call.</param>
    /// <param name="plans">The plans assigned to the account, in any order.</param>
    /// <param name="counters">The account's counters; updated.</param>
    /// <param name="period">The period the call counts in (its month in the customer's zone).</param>
    /// <param name="applied">Receives each plan's discount (plan id, mills), when not null.</param>
    public static Mills Apply(in DiscountCall call, IReadOnlyList<DiscountPlan> plans, DiscountCounters counters, YearMonth period, List<(string PlanId, Mills Discount)>? applied = null)
    {
        if (plans.Count == 0 || call.BilledSeconds <= 0 || call.Charge.Value <= 0)
        {
            return Mills.Zero;
        }

        var ordered = plans.Count == 1 ? plans : [.. plans.OrderByDescending(p => p.Precedence).ThenBy(p => p.Id, StringComparer.Ordinal)];
        long total = 0;
        foreach (var plan in ordered)
        {
            if (!plan.Group.Contains(call.Callee, call.Class))
            {
                continue;
            }

            if (!plan.Combinable && total > 0)
            {
                continue; // "Combine With Other Discounts" off: it never stacks on a discount already given.
            }

            var units = plan.Basis == DiscountBasis.Minutes ? call.BilledSeconds : call.Charge.Value;
            var used = counters.Used(plan.Id, period);
            var weight = plan.WeightedUnits(used, checked(used + units));
            counters.Add(plan.Id, period, units);

            // remaining × Σ(part × basis points) / (units × 10,000), rounded down: Int128 holds the product exactly.
            var remaining = call.Charge.Value - total;
            var discount = (long)(remaining * weight / ((Int128)units * DiscountTier.Whole));
            if (discount > 0)
            {
                total += discount;
                applied?.Add((plan.Id, new Mills(discount)));
                if (!plan.Combinable)
                {
                    break;
                }
            }
        }

        return new Mills(total);
    }
}
