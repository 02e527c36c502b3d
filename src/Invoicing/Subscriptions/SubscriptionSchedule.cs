using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Subscriptions;

/// <summary>
/// When each month of each subscription is charged, and how much (provider FAQ, "When I sign up for a support plan or
/// Business VoIP plan, how am I billed?" and "Can I change my rate plans?"):
/// <list type="bullet">
/// <item>Billed in advance. The first month is charged on the activation day for its remaining days (the activation day
/// counts); a service added on day 20 or later is charged at once for all of the next month too. Every other month is
/// charged on the 27th of the month before.</item>
/// <item>A change to a higher-priced plan (a subscription that replaces another, starting any day) charges the prorated
/// difference at once. The replaced plan was already charged in advance, so its month stands; if the change comes after
/// the 27th, the next month was charged at the old price too, and its difference is charged at once as well. A change
/// is taken to happen at the start of its day, before that day's regular run.</item>
/// <item>A change to a lower-priced plan starts on the 1st (the end of the cycle; the provisioning import enforces it) and
/// its first month is the regular charge of the 27th before, at the new price.</item>
/// <item>A subscription that simply ends pays only for its days of service in its last month.</item>
/// <item>The 911 cost recovery fee: once per account that requires 911 for each month it has service, in full, on the day
/// that month's first subscription charge is posted.</item>
/// </list>
/// </summary>
public sealed class SubscriptionSchedule(BillingRules rules)
{
    /// <summary>The charges of one account posted from <paramref name="from"/> through <paramref name="to"/>, by posting day.</summary>
    public IReadOnlyList<SubscriptionCharge> ChargesPosted(Account account, IReadOnlyList<Subscription> subscriptions, IReadOnlyDictionary<string, Product> products, LocalDate from, LocalDate to)
    {
        var charges = new List<SubscriptionCharge>();
        var byId = subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var replacedBy = subscriptions.Where(s => s.Replaces is not null).ToDictionary(s => s.Replaces!, StringComparer.Ordinal);
        var lastMonth = YearMonth(to).PlusMonths(1);
        foreach (var s in subscriptions)
        {
            var product = products[s.ProductId];
            var fee = product.MonthlyFee;
            var billedThrough = BilledThrough(s, replacedBy, products);
            var previous = s.Replaces is { } r ? byId[r] : null;
            var previousFee = previous is null ? Mills.Zero : products[previous.ProductId].MonthlyFee;
            var upgrade = previous is not null && fee > previousFee;
            var startMonth = YearMonth(s.Start);
            for (var month = Max(startMonth, YearMonth(from)); month <= lastMonth; month = month.PlusMonths(1))
            {
                var first = month.OnDayOfMonth(1);
                var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
                var serviceFrom = Max(s.Start, first);
                var serviceTo = billedThrough is { } through ? Min(through, last) : last;
                if (serviceTo < serviceFrom)
                {
                    continue;
                }

                var days = Period.DaysBetween(serviceFrom, serviceTo) + 1;
                var dim = last.Day;
                var isFirstMonth = month == startMonth;
                var isNextMonth = month == startMonth.PlusMonths(1);
                // A change to a lower-priced plan starts on the 1st and simply continues the service: its first month is
                // the regular charge of the 27th before, at the new price.
                var continuation = previous is not null && !upgrade && s.Start.Day == 1;
                var chargedAtStart = !continuation && (isFirstMonth || (isNextMonth && s.Start.Day >= rules.NextMonthFromDay));
                var posted = chargedAtStart ? s.Start : month.PlusMonths(-1).OnDayOfMonth(rules.RegularChargeDay);
                var kind = chargedAtStart ? SubscriptionChargeKind.Activation : SubscriptionChargeKind.Regular;
                var monthly = fee;
                if (upgrade && (isFirstMonth || (isNextMonth && s.Start.Day > rules.RegularChargeDay)))
                {
                    // The old plan paid for this month in advance: only the difference is due.
                    kind = SubscriptionChargeKind.Upgrade;
                    monthly = fee - previousFee;
                    posted = s.Start;
                }

                charges.Add(new SubscriptionCharge(account.Id, s.Id, product.Name, kind, posted, serviceFrom, serviceTo, monthly, days, dim, MoneyRounding.Prorate(monthly, days, dim)));
            }
        }

        if (account.Requires911)
        {
            foreach (var month in charges.GroupBy(c => YearMonth(c.ServiceFrom)).ToList())
            {
                var dim = month.Key.Calendar.GetDaysInMonth(month.Key.Year, month.Key.Month);
                charges.Add(new SubscriptionCharge(
                    account.Id, null, "911 cost recovery fee", SubscriptionChargeKind.Emergency911, month.Min(c => c.PostedOn),
                    month.Key.OnDayOfMonth(1), month.Key.OnDayOfMonth(dim), rules.Emergency911Fee, dim, dim, rules.Emergency911Fee));
            }
        }

        return [.. charges.Where(c => c.PostedOn >= from && c.PostedOn <= to).OrderBy(c => c.PostedOn).ThenBy(c => c.Kind == SubscriptionChargeKind.Emergency911).ThenBy(c => c.ServiceFrom).ThenBy(c => c.SubscriptionId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Free North America minutes of an account for <paramref name="month"/>: the largest allowance among the plans in
    /// service during the month, in full (not prorated) even for a plan added mid-month or changed during it.
    /// </summary>
    public static int FreeMinutes(IReadOnlyList<Subscription> subscriptions, IReadOnlyDictionary<string, Product> products, YearMonth month)
    {
        var first = month.OnDayOfMonth(1);
        var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
        var replacedBy = subscriptions.Where(s => s.Replaces is not null).ToDictionary(s => s.Replaces!, StringComparer.Ordinal);
        var best = 0;
        foreach (var s in subscriptions)
        {
            var end = s.End ?? (replacedBy.TryGetValue(s.Id, out var next) ? next.Start.PlusDays(-1) : (LocalDate?)null);
            if (s.Start <= last && (end is not { } e || e >= first))
            {
                best = Math.Max(best, products[s.ProductId].FreeNorthAmericaMinutes);
            }
        }

        return best;
    }

    private LocalDate? BilledThrough(Subscription s, Dictionary<string, Subscription> replacedBy, IReadOnlyDictionary<string, Product> products)
    {
        if (!replacedBy.TryGetValue(s.Id, out var next))
        {
            return s.End;
        }

        if (products[next.ProductId].MonthlyFee <= products[s.ProductId].MonthlyFee)
        {
            return next.Start.PlusDays(-1);
        }

        // An upgrade: the old plan was charged in advance through the end of the change's month, and through the end of
        // the next month when the change came after that month's regular run on the 27th.
        var month = YearMonth(next.Start);
        var through = next.Start.Day > rules.RegularChargeDay ? month.PlusMonths(1) : month;
        return through.OnDayOfMonth(through.Calendar.GetDaysInMonth(through.Year, through.Month));
    }

    private static YearMonth YearMonth(LocalDate date) => new(date.Year, date.Month);

    private static YearMonth Max(YearMonth a, YearMonth b) => a > b ? a : b;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
