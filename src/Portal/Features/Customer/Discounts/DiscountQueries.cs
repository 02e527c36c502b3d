using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Rating.Discounts;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Discounts;

/// <summary>
/// The customer's volume discounts as seed 004's Volume Discounts screen shows them ("all Active discounts that apply
/// to you ... Information about discounts used and remaining is shown, grouped by Destination Group names", and the
/// History window): each plan assigned to one of the customer's lines, its usage this month and what remains to its
/// next threshold, per line (counters are per line), and its usage in each earlier month. Usage is read from the
/// counters rating applies the discounts with (<see cref="IDiscountUsage"/>), asked for the customer's own lines only.
/// </summary>
public sealed class DiscountQueries(CustomerScope scope, PortalData data)
{
    /// <summary>One line's usage of a plan in a period, with the tier it reached.</summary>
    /// <param name="Line">The line.</param>
    /// <param name="Used">Usage, in the plan's units (seconds or mills).</param>
    /// <param name="BasisPoints">The discount its next unit gets.</param>
    /// <param name="NextThreshold">The next threshold, or null above the last.</param>
    /// <param name="Remaining">Usage left to the next threshold, or null above the last.</param>
    public sealed record LineUsage(string Line, long Used, int BasisPoints, long? NextThreshold, long? Remaining)
    {
        /// <summary>How far to the next threshold, 0 to 100 (100 above the last): the bar.</summary>
        public int Percent => NextThreshold is { } next && next > 0 ? (int)(Math.Min(Used, next) * 100 / next) : 100;
    }

    /// <summary>A past month's usage of a plan by one line.</summary>
    public sealed record HistoryRow(YearMonth Period, string Line, long Used, int BasisPoints);

    /// <summary>A plan with its lines' usage this month and its history.</summary>
    public sealed record PlanView(DiscountPlan Plan, IReadOnlyList<LineUsage> Lines, IReadOnlyList<HistoryRow> History);

    /// <summary>The month that counts now, the plans, and whether usage is known (serve rates calls).</summary>
    public sealed record Result(YearMonth Period, bool Counting, IReadOnlyList<PlanView> Plans);

    /// <summary>The customer's plans, this month.</summary>
    public async Task<Result> Current()
    {
        var period = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date.ToYearMonth();
        var lines = scope.View.Accounts.Where(a => a.DiscountPlans.Count > 0).ToList();
        var usage = data.Discounts is { } discounts && lines.Count > 0 ? await discounts.Of([.. lines.Select(a => a.Id)]) : [];
        var plans = data.Provisioning.Current.Snapshot.DiscountPlans.ToDictionary(p => p.Id, p => p.Plan, StringComparer.Ordinal);
        var views = new List<PlanView>();
        foreach (var planId in lines.SelectMany(a => a.DiscountPlans).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!plans.TryGetValue(planId, out var plan))
            {
                continue;
            }

            var ofPlan = usage.Where(u => u.PlanId == planId).ToList();
            var current = lines.Where(a => a.DiscountPlans.Contains(planId)).Select(a =>
            {
                var counters = new DiscountCounters();
                counters.Add(planId, period, ofPlan.Where(u => u.Account == a.Id && u.Period == period).Select(u => u.Used).LastOrDefault());
                var status = counters.Status(plan, period);
                return new LineUsage(a.Id, status.Used, status.CurrentBasisPoints, status.NextThreshold, status.Remaining);
            }).ToList();
            var history = ofPlan.Where(u => u.Period < period)
                .GroupBy(u => (u.Period, u.Account)).Select(g => g.Last()) // a month counted twice (calls out of order): its last count
                .OrderByDescending(u => u.Period).ThenBy(u => u.Account, StringComparer.Ordinal)
                .Select(u => new HistoryRow(u.Period, u.Account, u.Used, plan.BasisPointsAt(u.Used))).ToList();
            views.Add(new PlanView(plan, current, history));
        }

        return new Result(period, data.Discounts is not null, views);
    }

    /// <summary>A usage in the plan's unit: minutes (one decimal) or money in the customer's currency.</summary>
    public static string Amount(DiscountPlan plan, long used, string currency)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Basis == DiscountBasis.Minutes ? Amounts.Minutes(used) + " min" : Display.Show.Money(new Mills(used), currency);
    }

    /// <summary>Basis points as a percentage: <c>12.5%</c>.</summary>
    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
