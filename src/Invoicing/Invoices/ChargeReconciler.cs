using Centrex.Invoicing.Subscriptions;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// Turns what a customer owes in all for each key (subscription months, 911 fees, one-off fees) into this invoice's
/// lines, given what earlier invoices charged for the same keys. Issue 17: "Invoices stay immutable: a change that
/// affects an already-invoiced period produces an adjustment (a credit or debit line with its own reference to the
/// invoice it corrects) on the next invoice." So:
/// <list type="bullet">
/// <item>a key never billed and due in this period is an ordinary charge;</item>
/// <item>a key never billed but due in a period already invoiced (entered late) is a debit adjustment naming that
/// period's invoice (an ordinary charge when the customer had no invoice then);</item>
/// <item>a key billed before whose amount is now different (a cancellation, a plan change, a fee corrected) is an
/// adjustment of the difference naming the latest invoice that charged it; one no longer owed at all is credited in full.</item>
/// </list>
/// The sum billed under every key therefore always equals what it should cost, whatever the order in which changes
/// and billing runs came.
/// </summary>
public static class ChargeReconciler
{
    /// <summary>This invoice's charges.</summary>
    /// <param name="targets">What is owed for every key due by the end of the period, in full.</param>
    /// <param name="pending">Keys that exist but fall due later (left alone even when billed before).</param>
    /// <param name="billed">What earlier invoices of the customer charged, by key.</param>
    /// <param name="periodStart">First day of the period billed.</param>
    /// <param name="invoiceOn">The customer's standing invoice of the period containing a day, if any.</param>
    public static List<SubscriptionCharge> Reconcile(
        IReadOnlyList<SubscriptionCharge> targets, IReadOnlySet<string> pending, IReadOnlyDictionary<string, BilledCharge> billed, LocalDate periodStart, Func<LocalDate, long?> invoiceOn)
    {
        var result = new List<SubscriptionCharge>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets)
        {
            seen.Add(t.Key);
            var before = billed.GetValueOrDefault(t.Key);
            var delta = t.Amount - (before?.Amount ?? Mills.Zero);
            if (delta.Value == 0)
            {
                continue;
            }

            if (before?.LastInvoice is { } corrected)
            {
                result.Add(t with { Amount = delta, Corrects = corrected, Previously = before.Amount });
            }
            else if (t.PostedOn < periodStart && invoiceOn(t.PostedOn) is { } missed)
            {
                result.Add(t with { Amount = delta, Corrects = missed, Previously = before?.Amount ?? Mills.Zero });
            }
            else
            {
                result.Add(t with { Amount = delta, Previously = before?.Amount ?? Mills.Zero });
            }
        }

        // Keys billed before that are owed no more (a subscription cancelled before a month it was billed in advance for,
        // a start moved later, a fee removed): credited in full against the invoice that charged them.
        foreach (var (key, before) in billed.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (seen.Contains(key) || pending.Contains(key) || before.Amount.Value == 0 || key.StartsWith("free:", StringComparison.Ordinal))
            {
                continue;
            }

            var kind = key.StartsWith("911:", StringComparison.Ordinal) ? SubscriptionChargeKind.Emergency911
                : key.StartsWith("sub:", StringComparison.Ordinal) ? SubscriptionChargeKind.Regular : SubscriptionChargeKind.OneOffFee;
            var parts = key.Split(':');
            var subscription = parts[0] is "sub" or "setup" ? parts[1] : null;

            // A monthly key names its month: the credit reads "Business Basic, 2026-11" and covers that month.
            var month = parts.Length == 3 && YearMonthPattern.Iso.Parse(parts[2]) is { Success: true } m ? m.Value : (YearMonth?)null;
            var (from, to) = month is { } ym ? (ym.OnDayOfMonth(1), SubscriptionSchedule.LastDay(ym)) : (periodStart, periodStart);
            var description = month is { } named && !before.Description.Contains(YearMonthPattern.Iso.Format(named), StringComparison.Ordinal)
                ? $"{before.Description.Split(':')[0]}, {YearMonthPattern.Iso.Format(named)}" : before.Description;
            result.Add(new SubscriptionCharge(
                before.AccountId, subscription, description, kind, periodStart, from, to, Mills.Zero, 0, 0, -before.Amount, key,
                before.LastInvoice ?? invoiceOn(periodStart.PlusDays(-1)), before.Amount));
        }

        return result;
    }
}
