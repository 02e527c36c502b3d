using System.Globalization;
using Centrex.Invoicing.FreeMinutes;
using Centrex.Invoicing.Ledger;
using Centrex.Invoicing.Subscriptions;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Numbering;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// The lines of an invoice and its ledger entries, both derived from the <see cref="Invoice"/> so the CSV, the PDF, the
/// store and the ledger can never disagree.
/// </summary>
public static class InvoiceLines
{
    /// <summary>The invoice's lines in print order.</summary>
    public static IReadOnlyList<InvoiceLine> For(Invoice invoice)
    {
        var lines = new List<InvoiceLine>
        {
            new("previous-balance", null, "Previous balance", null, null, null, null, invoice.PreviousBalance),
        };
        foreach (var p in invoice.Payments)
        {
            lines.Add(new(p.Payment.Kind == PaymentKind.Refund ? "refund" : "payment", null, PaymentText(p.Payment), p.Payment.Received, null, null, null, p.Amount));
        }

        foreach (var s in invoice.Subscriptions)
        {
            lines.Add(new(Section(s), s.AccountId, SubscriptionText(s), s.ServiceFrom, s.ServiceTo, null, null, s.Amount));
        }

        foreach (var u in invoice.Usage)
        {
            lines.Add(new("usage", null, $"{u.Class.ToWireName()}: {u.Destination}", null, null, u.Calls, u.BilledSeconds, u.Charge));
        }

        if (invoice.VolumeDiscounts.Value != 0)
        {
            var discounted = invoice.Calls.Count(c => c.Discount.Value != 0);
            lines.Add(new("volume-discount", null, "Volume discounts", null, null, discounted, null, -invoice.VolumeDiscounts));
        }

        foreach (var f in invoice.FreeMinutes)
        {
            lines.Add(new("free-minutes-credit", f.AccountId, FreeMinutesText(f), f.Month.OnDayOfMonth(1), SubscriptionSchedule.LastDay(f.Month), f.CallsCredited, f.CoveredSeconds, -f.ThisInvoice));
        }

        lines.Add(new("subtotal", null, "Taxable subtotal", null, null, null, null, invoice.TaxableSubtotal));
        foreach (var t in invoice.Taxes)
        {
            lines.Add(new("tax", null, $"{t.Tax} {t.RateText}", null, null, null, null, t.Amount));
        }

        lines.Add(new("total", null, "Total this period", null, null, null, null, invoice.Total));
        lines.Add(new("closing-balance", null, "Balance", null, null, null, null, invoice.ClosingBalance));
        lines.Add(new("amount-due", null, "Amount due", null, invoice.DueOn, null, null, invoice.AmountDue));
        return lines;
    }

    /// <summary>The balance movements of the invoice: calls and discounts per account, each fee, credit, tax and payment.</summary>
    public static IReadOnlyList<LedgerEntry> LedgerEntries(Invoice invoice)
    {
        var c = invoice.Customer.Id;
        var n = invoice.Number;
        var entries = new List<LedgerEntry>();
        foreach (var p in invoice.Payments)
        {
            var kind = p.Payment.Kind == PaymentKind.Refund ? LedgerKind.Refund : LedgerKind.Payment;
            entries.Add(new(c, null, n, p.Payment.Received, kind, PaymentText(p.Payment), p.Payment.Id, p.Amount));
        }

        foreach (var s in invoice.Subscriptions)
        {
            var kind = s.IsAdjustment ? LedgerKind.Adjustment : s.IsFee ? LedgerKind.Fee : s.Kind == SubscriptionChargeKind.Emergency911 ? LedgerKind.Emergency911 : LedgerKind.Subscription;
            entries.Add(new(c, s.AccountId, n, s.IsAdjustment ? invoice.PeriodStart : s.PostedOn, kind, SubscriptionText(s), s.SubscriptionId ?? s.Key, s.Amount, s.Key, s.Corrects));
        }

        foreach (var account in invoice.Calls.GroupBy(x => x.Account, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var charge = account.Aggregate(Rating.Money.Mills.Zero, (sum, call) => sum + call.Charge);
            var discount = account.Aggregate(Rating.Money.Mills.Zero, (sum, call) => sum + call.Discount);
            var count = account.Count().ToString(CultureInfo.InvariantCulture);
            entries.Add(new(c, account.Key, n, invoice.PeriodEnd, LedgerKind.Calls, $"Calls ({count})", count + " CDRs", charge));
            if (discount.Value != 0)
            {
                entries.Add(new(c, account.Key, n, invoice.PeriodEnd, LedgerKind.VolumeDiscount, "Volume discounts", null, -discount));
            }
        }

        foreach (var f in invoice.FreeMinutes.Where(f => f.ThisInvoice.Value != 0))
        {
            entries.Add(new(c, f.AccountId, n, invoice.PeriodStart, LedgerKind.FreeMinutesCredit, FreeMinutesText(f), null, -f.ThisInvoice, FreeMinutesCredit.KeyOf(f.AccountId, f.Month)));
        }

        foreach (var t in invoice.Taxes)
        {
            entries.Add(new(c, null, n, invoice.PeriodEnd, LedgerKind.Tax, $"{t.Tax} {t.RateText}", null, t.Amount));
        }

        return entries;
    }

    /// <summary>The CSV section of a charge.</summary>
    public static string Section(SubscriptionCharge s) =>
        s.IsAdjustment ? "adjustment" : s.IsFee ? "fee" : s.Kind == SubscriptionChargeKind.Emergency911 ? "emergency-911" : "subscription";

    /// <summary>How a charge reads: the plan or fee, why, its proration, and for an adjustment the invoice it corrects.</summary>
    public static string SubscriptionText(SubscriptionCharge s)
    {
        var text = s.Kind switch
        {
            _ when s.Days == 0 => s.Description, // a charge owed no more: credited as it read when billed
            SubscriptionChargeKind.Emergency911 => "911 cost recovery fee",
            SubscriptionChargeKind.Upgrade => string.Create(CultureInfo.InvariantCulture, $"{s.Description}: plan change, {s.Days}/{s.DaysInMonth} days"),
            _ when s.IsFee || s.IsFullMonth => s.Description,
            _ => string.Create(CultureInfo.InvariantCulture, $"{s.Description}: {s.Days}/{s.DaysInMonth} days"),
        };
        if (!s.IsAdjustment)
        {
            return text;
        }

        var what = s.Days == 0 ? "no longer owed" : s.Previously.Value == 0 ? "not charged before" : $"now {s.Previously + s.Amount}";
        return string.Create(CultureInfo.InvariantCulture, $"Adjustment of invoice {s.Corrects!.Value:D6}: {text} ({(s.Amount.Value < 0 ? "credit" : "debit")}; billed {s.Previously}, {what})");
    }

    /// <summary>How a free minutes credit reads: the month of the calls it credits and the minutes used.</summary>
    public static string FreeMinutesText(FreeMinutesCredit f)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Free North America minutes, {NodaTime.Text.YearMonthPattern.Iso.Format(f.Month)} calls: {f.CoveredSeconds / 60.0m:0.#} of {f.AllowanceMinutes} used");
        return f.Previously.Value == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text} (credited {f.Previously} before)");
    }

    /// <summary>How a payment reads.</summary>
    public static string PaymentText(Payment p) =>
        $"{(p.Kind == PaymentKind.Refund ? "Refund" : "Payment")} {p.Id} by {WireNames.Name(WireNames.PaymentMethods, p.Method)} ({p.Reference})";
}
