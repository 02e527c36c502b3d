using Centrex.Provisioning.Model;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Subscriptions;

/// <summary>
/// What each month of each subscription should cost in all, and when it is charged (provider FAQ, "When I sign up for
/// a support plan or Business VoIP plan, how am I billed?" and "Can I change my rate plans?"). Every subscription pays
/// exactly its own days of service, month by month: <c>monthly fee × days in service / days in the month</c>, half up to
/// the mill. Billing compares these targets with what earlier invoices charged under the same key and charges only the
/// difference, so plan changes and cancellations never double-charge or lose a credit whatever the order in which they
/// are entered (issue 17).
/// <list type="bullet">
/// <item>"All support plans and calling features are billed in advance": a month is charged on the 27th of the month
/// before ("After your first cycle you will be charged only 1 month at a time on the 27th of the month for the following
/// month").</item>
/// <item>A new or changed service is charged on its first day for the rest of its month, and "if adding service after the
/// 20th day of the month" (day 20 or later) for all of the next month too. A change to another plan starting on the 1st
/// simply continues the service: its first month is the regular charge of the 27th before.</item>
/// <item>A plan that a change replaces stops being in service the day before the new one starts, so the months it was
/// billed in advance for are credited for the days it no longer serves: an upgrade costs "the difference in price"
/// for those days; a lower-priced plan only starts on the 1st ("the change will only occur at the end of your current
/// billing cycle"; provisioning schedules a mid-month request for the next 1st).</item>
/// <item>The 911 cost recovery fee: 2.99 per account that requires 911 for each month it has service, never prorated
/// ("All monthly services are billed prorated with the exception of the 911 Cost Recovery Fee"), charged with that
/// month's first subscription charge.</item>
/// <item>A product's setup fee is charged in full on the first day of a new subscription (not of a plan change).</item>
/// </list>
/// </summary>
public sealed class SubscriptionSchedule(BillingRules rules)
{
    /// <summary>
    /// Every charge of one account that falls due on or before <paramref name="through"/>: each subscription month with
    /// days of service, its 911 fee, setup fees. Amounts are the full targets (what the key should have cost in all).
    /// </summary>
    public IReadOnlyList<SubscriptionCharge> Targets(Account account, IReadOnlyList<Subscription> subscriptions, IReadOnlyDictionary<string, Product> products, LocalDate through)
    {
        ArgumentNullException.ThrowIfNull(account);
        var charges = new List<SubscriptionCharge>();
        var lastMonth = Month(through).PlusMonths(1); // a month is charged on the 27th before at the earliest
        foreach (var s in subscriptions)
        {
            var product = products[s.ProductId];
            var name = s.Did is null ? product.Name : $"{product.Name} (+{s.Did})";
            if (s.Replaces is null && product.SetupFee.Value != 0 && s.Start <= through)
            {
                charges.Add(new SubscriptionCharge(account.Id, s.Id, name + ": setup fee", SubscriptionChargeKind.SetupFee, s.Start, s.Start, s.Start,
                    product.SetupFee, 1, 1, product.SetupFee, "setup:" + s.Id));
            }

            var end = ServiceEnd(s, subscriptions);
            var startMonth = Month(s.Start);
            var continuation = s.Replaces is not null && s.Start.Day == 1;
            for (var month = startMonth; month <= lastMonth && (end is not { } e || month <= Month(e)); month = month.PlusMonths(1))
            {
                var first = month.OnDayOfMonth(1);
                var last = LastDay(month);
                var from = Max(s.Start, first);
                var to = end is { } until ? Min(until, last) : last;
                if (to < from)
                {
                    continue;
                }

                var chargedAtStart = !continuation && (month == startMonth || (month == startMonth.PlusMonths(1) && s.Start.Day >= rules.NextMonthFromDay));
                var posted = chargedAtStart ? s.Start : month.PlusMonths(-1).OnDayOfMonth(rules.RegularChargeDay);
                if (posted > through)
                {
                    continue;
                }

                var kind = !chargedAtStart ? SubscriptionChargeKind.Regular : s.Replaces is null ? SubscriptionChargeKind.Activation : SubscriptionChargeKind.Upgrade;
                var days = Period.DaysBetween(from, to) + 1;
                charges.Add(new SubscriptionCharge(account.Id, s.Id, name, kind, posted, from, to, product.MonthlyFee, days, last.Day,
                    MoneyRounding.Prorate(product.MonthlyFee, days, last.Day), MonthKey("sub:" + s.Id, month)));
            }
        }

        if (account.Requires911)
        {
            foreach (var month in charges.Where(c => c.Kind is not SubscriptionChargeKind.SetupFee).GroupBy(c => Month(c.ServiceFrom)).ToList())
            {
                var dim = LastDay(month.Key).Day;
                charges.Add(new SubscriptionCharge(
                    account.Id, null, "911 cost recovery fee", SubscriptionChargeKind.Emergency911, month.Min(c => c.PostedOn),
                    month.Key.OnDayOfMonth(1), LastDay(month.Key), rules.Emergency911Fee, dim, dim, rules.Emergency911Fee, MonthKey("911:" + account.Id, month.Key)));
            }
        }

        return [.. charges.OrderBy(c => c.PostedOn).ThenBy(c => c.Kind == SubscriptionChargeKind.Emergency911).ThenBy(c => c.ServiceFrom).ThenBy(c => c.SubscriptionId, StringComparer.Ordinal)];
    }

    /// <summary>The targets falling due from <paramref name="from"/> through <paramref name="to"/>, by posting day.</summary>
    public IReadOnlyList<SubscriptionCharge> ChargesPosted(Account account, IReadOnlyList<Subscription> subscriptions, IReadOnlyDictionary<string, Product> products, LocalDate from, LocalDate to) =>
        [.. Targets(account, subscriptions, products, to).Where(c => c.PostedOn >= from)];

    /// <summary>
    /// The last day a subscription is in service: its end, or the day before the subscription that replaces it starts
    /// (a change takes effect at the start of its day), or null while it runs.
    /// </summary>
    public static LocalDate? ServiceEnd(Subscription subscription, IReadOnlyList<Subscription> all)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var next = all.FirstOrDefault(x => x.Replaces == subscription.Id);
        var replaced = next is null ? (LocalDate?)null : next.Start.PlusDays(-1);
        return (subscription.End, replaced) switch
        {
            ({ } a, { } b) => Min(a, b),
            ({ } a, null) => a,
            (null, var b) => b,
        };
    }

    /// <summary>The key of a monthly charge: <c>PREFIX:YYYY-MM</c>.</summary>
    public static string MonthKey(string prefix, YearMonth month) => prefix + ":" + YearMonthPattern.Iso.Format(month);

    /// <summary>The last day of a month.</summary>
    public static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));

    private static YearMonth Month(LocalDate date) => new(date.Year, date.Month);

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
