using System.Globalization;
using System.Text;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Subscriptions;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Mail;

/// <summary>
/// The notices billing emails besides invoices, each queued once by its key:
/// <list type="bullet">
/// <item>Renewal reminders. Seed 001, "What are the limitations of using PayPal with Cititone?": "You will also be
/// reminded a few days before billing begins so that you can top-up your Cititone balance to have funds available to
/// renew your services." From <see cref="ReminderDays"/> days before the regular charge day (the 27th) until the day
/// before, each customer with prepaid (debit) accounts whose services renew then gets one reminder with what will be
/// charged and its balance.</item>
/// <item>Overdue notices: once per invoice whose status is Overdue (self-care manual, Invoices: "invoice is unpaid and
/// past due").</item>
/// </list>
/// </summary>
public sealed class Notices(BillingRules rules, ProviderInfo provider)
{
    /// <summary>"A few days before billing begins": how many days before the regular charge day reminders start.</summary>
    public const int ReminderDays = 3;

    /// <summary>The notices due on <paramref name="asOf"/>.</summary>
    /// <param name="snapshot">Provisioning.</param>
    /// <param name="invoices">Issued invoices.</param>
    /// <param name="balances">Each customer's billed balance (positive: owed).</param>
    /// <param name="asOf">The day.</param>
    public IReadOnlyList<NewMail> Due(ProvisioningSnapshot snapshot, IReadOnlyList<IssuedInvoice> invoices, IReadOnlyDictionary<string, Mills> balances, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var mails = new List<NewMail>();
        var customers = snapshot.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var payments = snapshot.Payments.ToLookup(p => p.CustomerId, StringComparer.Ordinal);
        foreach (var group in invoices.GroupBy(i => i.CustomerId, StringComparer.Ordinal))
        {
            if (!customers.TryGetValue(group.Key, out var customer))
            {
                continue;
            }

            foreach (var state in InvoiceStatusCalculator.Compute(group, payments[group.Key], asOf, customer.Currency).Where(s => s.Status == InvoiceStatus.Overdue))
            {
                mails.Add(Overdue(customer, state));
            }
        }

        var chargeDay = asOf.With(d => d.PlusDays(rules.RegularChargeDay - d.Day));
        if (asOf.Day >= rules.RegularChargeDay - ReminderDays && asOf.Day < rules.RegularChargeDay)
        {
            var schedule = new SubscriptionSchedule(rules);
            var products = snapshot.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var subscriptions = snapshot.Subscriptions.ToLookup(s => s.AccountId, StringComparer.Ordinal);
            foreach (var data in CustomerBillingData.From(snapshot).Where(d => d.Accounts.Any(a => a.Type == AccountType.Debit)))
            {
                var renewals = data.Accounts.SelectMany(a => schedule.Targets(a, [.. subscriptions[a.Id]], products, chargeDay)).Where(c => c.PostedOn == chargeDay).ToList();
                if (renewals.Count > 0)
                {
                    mails.Add(Reminder(data.Customer, renewals, chargeDay, balances.GetValueOrDefault(data.Customer.Id)));
                }
            }
        }

        return mails;
    }

    private NewMail Overdue(Customer customer, InvoicePaymentState state)
    {
        var number = PdfInvoiceRenderer.InvoiceNumber(state.Invoice.Number);
        var currency = state.Invoice.CurrencyOr(customer.Currency);
        var c = CultureInfo.InvariantCulture;
        var body = new StringBuilder()
            .AppendLine(c, $"Hello {customer.Contact},")
            .AppendLine()
            .AppendLine(c, $"Invoice {number} ({YearMonthPattern.Iso.Format(state.Invoice.Period)}) was due on {LocalDatePattern.Iso.Format(state.Invoice.DueOn)} and {currency} {Amounts.Money(state.Outstanding, currency)} of it is still unpaid.")
            .AppendLine("If you have paid in the meantime, thank you: please disregard this notice.")
            .AppendLine(c, $"Questions: {provider.Contact}");
        return new NewMail("overdue:" + number, customer.Id, customer.Email, $"Overdue: invoice {number} from {provider.Name}, {currency} {Amounts.Money(state.Outstanding, currency)} unpaid", body.ToString(), []);
    }

    private NewMail Reminder(Customer customer, IReadOnlyList<SubscriptionCharge> renewals, LocalDate chargeDay, Mills owed)
    {
        var c = CultureInfo.InvariantCulture;
        var total = renewals.Aggregate(Mills.Zero, (s, r) => s + r.Amount);
        var month = YearMonthPattern.Iso.Format(new YearMonth(chargeDay.Year, chargeDay.Month).PlusMonths(1));
        var body = new StringBuilder()
            .AppendLine(c, $"Hello {customer.Contact},")
            .AppendLine()
            .AppendLine(c, $"On {LocalDatePattern.Iso.Format(chargeDay)} your services renew for {month}:")
            .AppendLine();
        foreach (var r in renewals)
        {
            body.AppendLine(c, $"  {r.AccountId,-12} {InvoiceLines.SubscriptionText(r),-48} {customer.Currency} {Amounts.Exact(r.Amount, customer.Currency),10}");
        }

        body.AppendLine()
            .AppendLine(c, $"  Total: {customer.Currency} {Amounts.Exact(total, customer.Currency)}. Your balance: {customer.Currency} {Amounts.Money(-owed, customer.Currency)} (credit shown positive).")
            .AppendLine("Please top up your balance before then so your services renew without interruption.")
            .AppendLine(c, $"Questions: {provider.Contact}");
        return new NewMail($"reminder:{customer.Id}:{month}", customer.Id, customer.Email, $"Your services renew on {LocalDatePattern.Iso.Format(chargeDay)}: {customer.Currency} {Amounts.Exact(total, customer.Currency)}", body.ToString(), []);
    }
}
