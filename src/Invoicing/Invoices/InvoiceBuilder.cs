using Centrex.Invoicing.FreeMinutes;
using Centrex.Invoicing.Subscriptions;
using Centrex.Invoicing.Taxes;
using Centrex.Provisioning.Model;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// Builds one customer's invoice for one month from provisioning, the month's rated calls and the balance carried in.
/// The period is the calendar month in the customer's time zone; the invoice is dated its last day, which is also the
/// tax point (the rates in force that day apply); payment is due <see cref="BillingRules.PaymentTermDays"/> later.
/// </summary>
public sealed class InvoiceBuilder(BillingRules rules, TaxTable taxes, IReadOnlyDictionary<string, Product> products)
{
    private readonly SubscriptionSchedule _schedule = new(rules);

    /// <summary>The instants a customer's month spans, in its time zone: [start, end).</summary>
    public static (Instant Start, Instant End) Bounds(Customer customer, YearMonth period)
    {
        var zone = DateTimeZoneProviders.Tzdb[customer.TimeZone];
        return (period.OnDayOfMonth(1).AtStartOfDayInZone(zone).ToInstant(), period.PlusMonths(1).OnDayOfMonth(1).AtStartOfDayInZone(zone).ToInstant());
    }

    /// <summary>Builds the invoice.</summary>
    /// <param name="number">Its number.</param>
    /// <param name="data">The customer's provisioning.</param>
    /// <param name="period">The billing month.</param>
    /// <param name="calls">The customer's calls that started within <see cref="Bounds"/>, any order.</param>
    /// <param name="previousBalance">The balance before the period.</param>
    /// <param name="replaces">The voided invoice this reissues, if any.</param>
    public Invoice Build(long number, CustomerBillingData data, YearMonth period, IEnumerable<RatedCdr> calls, Mills previousBalance, long? replaces = null)
    {
        var first = period.OnDayOfMonth(1);
        var last = period.OnDayOfMonth(period.Calendar.GetDaysInMonth(period.Year, period.Month));
        var ordered = calls.OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var byAccount = ordered.ToLookup(c => c.Account, StringComparer.Ordinal);
        var subscriptionsByAccount = data.Subscriptions.ToLookup(s => s.AccountId, StringComparer.Ordinal);

        var charges = new List<SubscriptionCharge>();
        var freeMinutes = new List<FreeMinutesCredit>();
        foreach (var account in data.Accounts)
        {
            var subscriptions = subscriptionsByAccount[account.Id].ToList();
            charges.AddRange(_schedule.ChargesPosted(account, subscriptions, products, first, last));
            var allowance = SubscriptionSchedule.FreeMinutes(subscriptions, products, period);
            if (allowance > 0)
            {
                freeMinutes.Add(FreeMinutesCalculator.Compute(account.Id, period, allowance, byAccount[account.Id]));
            }
        }

        var usage = ordered.GroupBy(c => (c.Class, c.Destination))
            .Select(g => new UsageLine(g.Key.Class, g.Key.Destination, g.Count(), g.Sum(c => c.BilledSeconds),
                g.Aggregate(Mills.Zero, (s, c) => s + c.Charge), g.Aggregate(Mills.Zero, (s, c) => s + c.Discount)))
            .OrderBy(u => u.Class).ThenBy(u => u.Destination, StringComparer.Ordinal).ToList();

        var payments = data.Payments.Where(p => p.Received >= first && p.Received <= last)
            .OrderBy(p => p.Received).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new PaymentLine(p, p.Kind == PaymentKind.Refund ? p.Amount : -p.Amount)).ToList();

        var invoice = new Invoice(
            number, data.Customer, data.Accounts, period, last, last.PlusDays(rules.PaymentTermDays), previousBalance,
            payments, charges.OrderBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.PostedOn).ToList(), usage, freeMinutes, [], ordered, replaces);

        // Provider FAQ, "What taxes do you charge?": by the service address; none outside Canada.
        var rates = data.Customer.Address is { InCanada: true, Province: { } province } ? taxes.RatesFor(province, last) : [];
        return invoice with { Taxes = TaxCalculator.Compute(invoice.TaxableSubtotal, rates) };
    }
}
