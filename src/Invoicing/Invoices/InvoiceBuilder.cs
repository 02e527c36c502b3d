using Centrex.Invoicing.FreeMinutes;
using Centrex.Invoicing.Subscriptions;
using Centrex.Invoicing.Taxes;
using Centrex.Provisioning.Model;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// Builds one customer's invoice for one month from provisioning, the month's rated calls, the previous month's calls
/// (for the free minutes credit), what earlier invoices charged, and the balance carried in. The period is the calendar
/// month in the customer's time zone; the invoice is dated its last day, which is also the tax point (the rates in force
/// that day apply); payment is due <see cref="BillingRules.PaymentTermDays"/> later.
/// </summary>
public sealed class InvoiceBuilder(BillingRules rules, TaxTable taxes, IReadOnlyDictionary<string, Product> products)
{
    private static readonly IReadOnlyDictionary<string, BilledCharge> NothingBilled = new Dictionary<string, BilledCharge>(StringComparer.Ordinal);
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
    /// <param name="history">What earlier invoices of the customer charged and which invoice covers which month; none when null.</param>
    /// <param name="previousMonthCalls">The customer's calls of the month before, whose free minutes this invoice credits.</param>
    public Invoice Build(long number, CustomerBillingData data, YearMonth period, IEnumerable<RatedCdr> calls, Mills previousBalance, long? replaces = null,
        BillingHistory? history = null, IEnumerable<RatedCdr>? previousMonthCalls = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var first = period.OnDayOfMonth(1);
        var last = SubscriptionSchedule.LastDay(period);
        var billed = history?.Billed ?? NothingBilled;
        var ordered = calls.OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var subscriptionsByAccount = data.Subscriptions.ToLookup(s => s.AccountId, StringComparer.Ordinal);

        var targets = new List<SubscriptionCharge>();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in data.Accounts)
        {
            var subscriptions = subscriptionsByAccount[account.Id].ToList();
            var due = _schedule.Targets(account, subscriptions, products, last);
            targets.AddRange(due);

            // Keys that exist but fall due after this period: a key billed in advance and due again later is left alone.
            var dueKeys = due.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            pending.UnionWith(_schedule.Targets(account, subscriptions, products, last.PlusMonths(3)).Select(c => c.Key).Where(k => !dueKeys.Contains(k)));
        }

        foreach (var fee in data.Fees)
        {
            if (fee.Date <= last)
            {
                targets.Add(new SubscriptionCharge(fee.AccountId, null, fee.Description, SubscriptionChargeKind.OneOffFee, fee.Date, fee.Date, fee.Date, fee.Amount, 1, 1, fee.Amount, "fee:" + fee.Id));
            }
            else
            {
                pending.Add("fee:" + fee.Id);
            }
        }

        // Seed 001, payments: "direct wire transfers ... there is a $15.00 processing fee for these types of payments".
        foreach (var p in data.Payments.Where(p => p is { Method: PaymentMethod.BankTransfer, Kind: PaymentKind.Payment }))
        {
            var key = "wire:" + p.Id;
            if (p.Received <= last)
            {
                targets.Add(new SubscriptionCharge(null, null, $"Wire transfer processing fee (payment {p.Id})", SubscriptionChargeKind.WireTransferFee,
                    p.Received, p.Received, p.Received, rules.WireTransferFee, 1, 1, rules.WireTransferFee, key));
            }
            else
            {
                pending.Add(key);
            }
        }

        var start = history?.BillingStart ?? first;
        targets.RemoveAll(t => t.PostedOn < start && !billed.ContainsKey(t.Key));
        var charges = ChargeReconciler.Reconcile(targets, pending, billed, first, day => history?.InvoiceOf(new YearMonth(day.Year, day.Month)));
        var freeMinutes = FreeMinutesCredits(data, period, previousMonthCalls ?? [], billed, history);

        var usage = ordered.GroupBy(c => (c.Class, c.Destination))
            .Select(g => new UsageLine(g.Key.Class, g.Key.Destination, g.Count(), g.Sum(c => c.BilledSeconds),
                g.Aggregate(Mills.Zero, (s, c) => s + c.Charge), g.Aggregate(Mills.Zero, (s, c) => s + c.Discount)))
            .OrderBy(u => u.Class).ThenBy(u => u.Destination, StringComparer.Ordinal).ToList();

        // The month's payments, and any received in an earlier invoiced month but entered after it was billed.
        var invoicedPayments = history?.InvoicedPayments;
        var payments = data.Payments.Where(p => p.Received <= last && (p.Received >= first
                || (invoicedPayments is not null && p.Received >= start && !invoicedPayments.Contains(p.Id))))
            .OrderBy(p => p.Received).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new PaymentLine(p, p.Kind == PaymentKind.Refund ? p.Amount : -p.Amount)).ToList();

        var invoice = new Invoice(
            number, data.Customer, data.Accounts, period, last, last.PlusDays(rules.PaymentTermDays), previousBalance,
            payments, [.. charges.OrderBy(c => c.IsAdjustment).ThenBy(c => c.AccountId, StringComparer.Ordinal).ThenBy(c => c.PostedOn).ThenBy(c => c.ServiceFrom)],
            usage, freeMinutes, [], ordered, replaces);

        // Provider FAQ, "What taxes do you charge?": by the service address; none outside Canada.
        var rates = data.Customer.Address is { InCanada: true, Province: { } province } ? taxes.RatesFor(province, last) : [];
        return invoice with { Taxes = TaxCalculator.Compute(invoice.TaxableSubtotal, rates) };
    }

    /// <summary>
    /// Seed 001: "Credit for the Free North America long distance charges will appear on the following months invoice":
    /// this invoice credits the previous month's calls, when that month was invoiced (its calls were billed then).
    /// </summary>
    private List<FreeMinutesCredit> FreeMinutesCredits(CustomerBillingData data, YearMonth period, IEnumerable<RatedCdr> previousMonthCalls, IReadOnlyDictionary<string, BilledCharge> billed, BillingHistory? history)
    {
        var month = period.PlusMonths(-1);
        var result = new List<FreeMinutesCredit>();
        if (history?.InvoiceOf(month) is null)
        {
            return result;
        }

        var zone = DateTimeZoneProviders.Tzdb[data.Customer.TimeZone];
        var callsByAccount = previousMonthCalls.ToLookup(c => c.Account, StringComparer.Ordinal);
        var subscriptionsByAccount = data.Subscriptions.ToLookup(s => s.AccountId, StringComparer.Ordinal);
        foreach (var account in data.Accounts.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var allowances = FreeMinutesAllowance.For([.. subscriptionsByAccount[account.Id]], products, month);
            var credit = FreeMinutesCalculator.Compute(account.Id, month, allowances, callsByAccount[account.Id], zone);
            var previously = -(billed.GetValueOrDefault(FreeMinutesCredit.KeyOf(account.Id, month))?.Amount ?? Mills.Zero);
            if (credit.CoveredSeconds > 0 || previously.Value != 0)
            {
                result.Add(credit with { Previously = previously });
            }
        }

        return result;
    }
}
