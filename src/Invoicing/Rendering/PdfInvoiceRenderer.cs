using System.Globalization;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Subscriptions;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Rendering;

/// <summary>
/// The PDF invoice (PdfSharp): provider header, customer block, invoice number, dates, period and due date, the balance
/// summary (previous balance, payments, total, amount due), subscriptions with their proration dates, usage by class and
/// destination, discounts, free-minute credits, taxes by type, and, when the customer asked for full statistics, per-call
/// detail pages with times in the customer's zone. Every page carries "Page n of m".
/// </summary>
public sealed class PdfInvoiceRenderer(ProviderInfo provider) : IInvoiceRenderer
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");
    private static readonly LocalDateTimePattern CallTimePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");

    /// <inheritdoc />
    public string Extension => "pdf";

    /// <inheritdoc />
    public void Render(Invoice invoice, Stream output)
    {
        DejaVuFontResolver.EnsureInstalled();
        var number = InvoiceNumber(invoice.Number);
        using var layout = new PdfLayout($"Invoice {number}", l => RunningHeader(l, invoice, number));
        FirstPage(layout, invoice, number);
        Subscriptions(layout, invoice);
        Usage(layout, invoice);
        Credits(layout, invoice);
        Totals(layout, invoice);
        if (invoice.Customer.SendStatistic == SendStatistic.Full && invoice.Calls.Count > 0)
        {
            CallDetail(layout, invoice);
        }

        layout.Save(output, $"{provider.Name} · Invoice {number} · {invoice.Customer.Company} ({invoice.Customer.Id}) · amounts in {invoice.Customer.Currency}");
    }

    /// <summary>How invoice numbers are printed: six digits.</summary>
    public static string InvoiceNumber(long number) => number.ToString("D6", CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => DatePattern.Format(date);

    private void FirstPage(PdfLayout l, Invoice invoice, string number)
    {
        var g = l.G;
        g.DrawString(provider.Name, l.Large, PdfLayout.Accent, PdfLayout.Left, l.Y + l.Large.Size, PdfSharp.Drawing.XStringFormats.Default);
        var y = l.Y + l.Large.Size + 6;
        foreach (var line in provider.AddressLines.Append(provider.Contact).Append(provider.TaxRegistration))
        {
            l.Text(line, l.Small, PdfLayout.Left, y, 300, brush: PdfLayout.Muted);
            y += l.Small.Size + 3;
        }

        l.Text(invoice.Replaces is null ? "INVOICE" : "INVOICE (REISSUED)", l.Title, 330, l.Y, PdfLayout.Right - 330, right: true, brush: PdfLayout.Accent);
        var facts = new List<(string, string)>
        {
            ("Invoice number", number),
            ("Invoice date", Date(invoice.IssuedOn)),
            ("Billing period", $"{Date(invoice.PeriodStart)} to {Date(invoice.PeriodEnd)}"),
            ("Due date", Date(invoice.DueOn)),
            ("Customer id", invoice.Customer.Id),
        };
        if (invoice.Replaces is { } replaced)
        {
            facts.Add(("Replaces void invoice", InvoiceNumber(replaced)));
        }

        var fy = l.Y + 30;
        foreach (var (label, value) in facts)
        {
            l.Text(label, l.Regular, 330, fy, 100, brush: PdfLayout.Muted);
            l.Text(value, l.Bold, 410, fy, PdfLayout.Right - 410, right: true);
            fy += l.Regular.Size + 4;
        }

        l.Y = Math.Max(y, fy) + 14;
        var c = invoice.Customer;
        l.Text("BILL TO", l.SmallBold, PdfLayout.Left, l.Y, 200, brush: PdfLayout.Muted);
        l.Text("ACCOUNTS (PHONE LINES)", l.SmallBold, 330, l.Y, 200, brush: PdfLayout.Muted);
        l.Y += 11;
        var customerLines = new List<string> { c.Company, "Attn: " + c.Contact, c.Address.Street, $"{c.Address.City}{(c.Address.Province is null ? string.Empty : ", " + c.Address.Province)}  {c.Address.PostalCode}", CountryName(c.Address.Country), c.Email };
        if (c.TaxId is not null)
        {
            customerLines.Add("Tax id: " + c.TaxId);
        }

        var accountLines = invoice.Accounts.Select(a => $"{a.Id} · {WireNames.Name(WireNames.AccountTypes, a.Type)}{(a.Site is null ? string.Empty : " · " + a.Site)}{(a.Requires911 ? " · 911" : string.Empty)}").ToList();
        var top = l.Y;
        foreach (var line in customerLines)
        {
            l.Text(line, line == c.Company ? l.Bold : l.Regular, PdfLayout.Left, l.Y, 280);
            l.Y += l.Regular.Size + 3.5;
        }

        var ay = top;
        foreach (var line in accountLines.Take(8))
        {
            l.Text(line, l.Regular, 330, ay, PdfLayout.Right - 330);
            ay += l.Regular.Size + 3.5;
        }

        if (accountLines.Count > 8)
        {
            l.Text($"… and {accountLines.Count - 8} more", l.Regular, 330, ay, PdfLayout.Right - 330, brush: PdfLayout.Muted);
            ay += l.Regular.Size + 3.5;
        }

        l.Y = Math.Max(l.Y, ay) + 12;
        Summary(l, invoice);
    }

    private static void Summary(PdfLayout l, Invoice invoice)
    {
        var height = 108.0;
        l.G.DrawRectangle(PdfLayout.Band, PdfLayout.Left, l.Y, PdfLayout.Width, height);
        var y0 = l.Y;
        l.Y += 8;
        l.Text("ACCOUNT SUMMARY", l.SmallBold, PdfLayout.Left + 10, l.Y, 200, brush: PdfLayout.Muted);
        l.Y += 12;
        var payments = invoice.Payments.Where(p => p.Payment.Kind == PaymentKind.Payment).Aggregate(Mills.Zero, (s, p) => s + p.Amount);
        var refunds = invoice.Payments.Where(p => p.Payment.Kind == PaymentKind.Refund).Aggregate(Mills.Zero, (s, p) => s + p.Amount);
        Row("Previous balance", Amounts.BalanceWithExact(invoice.PreviousBalance, invoice.Customer.Currency));
        Row("Payments received", Amounts.Exact(payments, invoice.Customer.Currency));
        if (refunds.Value != 0)
        {
            Row("Refunds", Amounts.Exact(refunds, invoice.Customer.Currency));
        }

        Row("Total this period (incl. taxes)", Amounts.Exact(invoice.Total, invoice.Customer.Currency));
        Row("Balance", Amounts.BalanceWithExact(invoice.ClosingBalance, invoice.Customer.Currency));
        var due = invoice.Prepaid ? "Prepaid statement: charges were paid from the balance" : $"Amount due by {Date(invoice.DueOn)}";
        l.Text(due, l.Heading, PdfLayout.Left + 10, y0 + height - 24, 330, brush: PdfLayout.Accent);
        l.Text($"{invoice.Customer.Currency} {Amounts.Money(invoice.AmountDue, invoice.Customer.Currency)}", l.Large, PdfLayout.Right - 190, y0 + height - 25, 180, right: true, brush: PdfLayout.Accent);
        l.Y = y0 + height + 6;

        void Row(string label, string amount)
        {
            l.Text(label, l.Regular, PdfLayout.Left + 10, l.Y, 300);
            l.Text(amount, l.Regular, PdfLayout.Right - 190, l.Y, 180, right: true);
            l.Y += l.Regular.Size + 4;
        }
    }

    private static void Subscriptions(PdfLayout l, Invoice invoice)
    {
        if (invoice.Payments.Count > 0)
        {
            l.SectionHeading("Payments and refunds");
            l.Table(
                [new("Date", 70), new("Payment", 70), new("Method", 80), new("Reference", 242), new("Amount", 70, true)],
                invoice.Payments.Select(p => new[]
                {
                    Date(p.Payment.Received), p.Payment.Id, WireNames.Name(WireNames.PaymentMethods, p.Payment.Method),
                    (p.Payment.Kind == PaymentKind.Refund ? "Refund · " : string.Empty) + p.Payment.Reference, Amounts.Exact(p.Amount, invoice.Customer.Currency),
                }),
                continuedTitle: "Payments and refunds");
        }

        var charges = invoice.Subscriptions.Where(s => !s.IsAdjustment).ToList();
        if (charges.Count > 0)
        {
            l.SectionHeading("Subscriptions and fees (billed in advance)");
            l.Table(
                [new("Account", 62), new("Description", 170), new("Charged", 62), new("From", 64), new("To", 64), new("Days", 42, true), new("Amount", 68, true)],
                charges.Select(s => new[]
                {
                    s.AccountId ?? "—", Describe(s), Date(s.PostedOn), Date(s.ServiceFrom), Date(s.ServiceTo),
                    s.IsFee ? "one-off" : string.Create(CultureInfo.InvariantCulture, $"{s.Days}/{s.DaysInMonth}"), Amounts.Exact(s.Amount, invoice.Customer.Currency),
                }),
                continuedTitle: "Subscriptions and fees");
            l.TotalLine("Subscriptions and fees", Amounts.Exact(invoice.SubscriptionFees, invoice.Customer.Currency), l.Bold);
        }

        // Issue 17: an issued invoice never changes; what it got wrong is corrected here, each line naming it.
        var adjustments = invoice.Subscriptions.Where(s => s.IsAdjustment).ToList();
        if (adjustments.Count > 0)
        {
            l.SectionHeading("Adjustments to earlier invoices");
            l.Table(
                [new("Account", 62), new("Corrects", 52), new("Description", 226), new("Billed before", 80, true), new("Adjustment", 112, true)],
                adjustments.Select(s => new[]
                {
                    s.AccountId ?? "—", InvoiceNumber(s.Corrects!.Value), AdjustmentText(s), Amounts.Exact(s.Previously, invoice.Customer.Currency), Amounts.Exact(s.Amount, invoice.Customer.Currency),
                }),
                continuedTitle: "Adjustments to earlier invoices");
            l.TotalLine("Adjustments", Amounts.Exact(invoice.Adjustments, invoice.Customer.Currency), l.Bold);
        }
    }

    private static string AdjustmentText(SubscriptionCharge s)
    {
        var what = s.Days == 0 ? s.Description + ": no longer owed" : s.IsFee ? s.Description
            : string.Create(CultureInfo.InvariantCulture, $"{(s.Kind == SubscriptionChargeKind.Emergency911 ? "911 cost recovery fee" : s.Description)} {Date(s.ServiceFrom)} to {Date(s.ServiceTo)} ({s.Days}/{s.DaysInMonth} days)");
        return (s.Amount.Value < 0 ? "Credit: " : "Debit: ") + what;
    }

    private static string Describe(SubscriptionCharge s) => s.Kind switch
    {
        SubscriptionChargeKind.Emergency911 => "911 cost recovery fee (not prorated)",
        SubscriptionChargeKind.Upgrade => s.Description + " (plan change)",
        SubscriptionChargeKind.Activation => s.Description + " (activation)",
        _ => s.Description,
    };

    private static void Usage(PdfLayout l, Invoice invoice)
    {
        l.SectionHeading("Usage by class and destination");
        if (invoice.Usage.Count == 0)
        {
            l.Text("No calls this period.", l.Regular, PdfLayout.Left, l.Y, 300, brush: PdfLayout.Muted);
            l.Y += 14;
            return;
        }

        l.Table(
            [new("Class", 88), new("Destination", 196), new("Calls", 46, true), new("Minutes", 56, true), new("Charge", 74, true), new("Discount", 72, true)],
            invoice.Usage.Select(u => new[]
            {
                u.Class.ToWireName(), u.Destination, u.Calls.ToString("N0", CultureInfo.InvariantCulture), Amounts.Minutes(u.BilledSeconds),
                Amounts.Exact(u.Charge, invoice.Customer.Currency), u.Discount.Value == 0 ? string.Empty : Amounts.Exact(-u.Discount, invoice.Customer.Currency),
            }),
            continuedTitle: "Usage by class and destination");
        l.TotalLine($"Calls ({invoice.Calls.Count:N0})", Amounts.Exact(invoice.UsageCharges, invoice.Customer.Currency), l.Bold);
        if (invoice.VolumeDiscounts.Value != 0)
        {
            l.TotalLine("Volume discounts (applied at rating time)", Amounts.Exact(-invoice.VolumeDiscounts, invoice.Customer.Currency), l.Bold);
        }
    }

    private static void Credits(PdfLayout l, Invoice invoice)
    {
        var credits = invoice.FreeMinutes;
        if (credits.Count == 0)
        {
            return;
        }

        // Seed 001: "Credit for the Free North America long distance charges will appear on the following months invoice".
        l.SectionHeading($"Free North America minutes (domestic calls of {YearMonthPattern.Iso.Format(credits[0].Month)}, credited the following month)");
        l.Table(
            [new("Account", 80), new("Calls of", 52), new("Included minutes", 80, true), new("Minutes covered", 90, true), new("Calls credited", 80, true), new("Credit", 150, true)],
            credits.Select(f => new[]
            {
                f.AccountId, YearMonthPattern.Iso.Format(f.Month), f.AllowanceMinutes.ToString("N0", CultureInfo.InvariantCulture), Amounts.Minutes(f.CoveredSeconds),
                f.CallsCredited.ToString("N0", CultureInfo.InvariantCulture), Amounts.Exact(-f.ThisInvoice, invoice.Customer.Currency),
            }),
            continuedTitle: "Free North America minutes");
    }

    private static void Totals(PdfLayout l, Invoice invoice)
    {
        l.Ensure(16 * 14.0); // the totals stay together on one page
        l.SectionHeading("Totals");
        l.TotalLine("Call charges", Amounts.Exact(invoice.UsageCharges, invoice.Customer.Currency));
        l.TotalLine("Volume discounts", Amounts.Exact(-invoice.VolumeDiscounts, invoice.Customer.Currency));
        l.TotalLine("Subscriptions and fees", Amounts.Exact(invoice.SubscriptionFees, invoice.Customer.Currency));
        if (invoice.Adjustments.Value != 0)
        {
            l.TotalLine("Adjustments to earlier invoices", Amounts.Exact(invoice.Adjustments, invoice.Customer.Currency));
        }

        l.TotalLine("Free minutes credit", Amounts.Exact(-invoice.FreeMinutesCredit, invoice.Customer.Currency));
        l.TotalLine("Taxable subtotal", Amounts.Exact(invoice.TaxableSubtotal, invoice.Customer.Currency), l.Bold);
        if (invoice.Taxes.Count == 0)
        {
            l.TotalLine(invoice.Customer.Address.InCanada ? "Taxes" : "Taxes (service outside Canada: none)", Amounts.Exact(Mills.Zero, invoice.Customer.Currency));
        }

        foreach (var tax in invoice.Taxes)
        {
            l.TotalLine($"{tax.Tax} {tax.RateText} on {Amounts.Exact(tax.Base, invoice.Customer.Currency)}", Amounts.Exact(tax.Amount, invoice.Customer.Currency));
        }

        l.TotalLine("Total this period", Amounts.Exact(invoice.Total, invoice.Customer.Currency), l.Bold);
        l.TotalLine("Previous balance (exact)", Amounts.Exact(invoice.PreviousBalance, invoice.Customer.Currency));
        l.TotalLine("Payments and refunds", Amounts.Exact(invoice.PaymentsTotal, invoice.Customer.Currency));
        // The labels name the precision of the customer's currency (ISO 4217 minor unit: CurrencyDigits).
        var (exact, rounded, note) = CurrencyDigits.Of(invoice.Customer.Currency) switch
        {
            0 => ("Balance (exact, to the thousandth)", "Amount due (rounded to the whole unit)",
                "Balances are kept to the thousandth of the unit; the amount due is rounded half up to the whole unit and the remainder stays on the balance."),
            3 => ("Balance (exact)", "Amount due", "Balances and the amount due are kept and shown to the thousandth of the unit."),
            _ => ("Balance (exact, to the tenth of a cent)", "Amount due (rounded to the cent)",
                "Balances are kept to the tenth of a cent; the amount due is rounded half up to the cent and the remainder stays on the balance."),
        };
        l.TotalLine(exact, Amounts.Exact(invoice.ClosingBalance, invoice.Customer.Currency));
        l.TotalLine(rounded, $"{invoice.Customer.Currency} {Amounts.Money(invoice.AmountDue, invoice.Customer.Currency)}", l.Heading, 200);
        l.Y += 4;
        l.Text(note,
            l.Small, PdfLayout.Left, l.Y, PdfLayout.Width, brush: PdfLayout.Muted);
        l.Y += 12;
    }

    private static void CallDetail(PdfLayout l, Invoice invoice)
    {
        l.NewPage();
        l.SectionHeading($"Call detail ({invoice.Calls.Count:N0} calls, times in {invoice.Customer.TimeZone})");
        var zone = DateTimeZoneProviders.Tzdb[invoice.Customer.TimeZone];
        l.Table(
            [new("Date and time", 84), new("Account", 48), new("From", 66), new("To", 68), new("Destination", 98), new("Duration", 44, true), new("Charge", 40, true), new("Discount", 44, true), new("Net", 40, true)],
            invoice.Calls.Select(c => new[]
            {
                CallTimePattern.Format(c.Start.InZone(zone).LocalDateTime), c.Account, c.Caller, "+" + c.Callee, c.Destination,
                Amounts.Duration(c.DurationSeconds), Amounts.Exact(c.Charge, invoice.Customer.Currency), c.Discount.Value == 0 ? string.Empty : Amounts.Exact(-c.Discount, invoice.Customer.Currency), Amounts.Exact(c.Net, invoice.Customer.Currency),
            }),
            l.Small,
            l.SmallBold,
            "Call detail");
    }

    private static void RunningHeader(PdfLayout l, Invoice invoice, string number)
    {
        l.Text($"Invoice {number} · {invoice.Customer.Company} · {Date(invoice.PeriodStart)} to {Date(invoice.PeriodEnd)}", l.Small, PdfLayout.Left, l.Y, PdfLayout.Width, brush: PdfLayout.Muted);
        l.Y += 14;
    }

    private static string CountryName(string code) => code switch
    {
        "CA" => "Canada",
        "US" => "United States",
        _ => code,
    };
}
