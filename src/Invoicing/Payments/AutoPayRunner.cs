using System.Globalization;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Mail;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Store;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Payments;

/// <summary>
/// Automatic card payments through an <see cref="IPaymentGateway"/> (self-care manual, Payment Info; provider FAQ, "Auto
/// recharge settings"):
/// <list type="bullet">
/// <item>Auto-pay: "whether a credit card should be charged at the end of the billing period": each issued, standing,
/// postpaid invoice with an amount due is charged once (key <c>autopay:NUMBER</c>).</item>
/// <item>Auto-recharge: "when the balance crosses this threshold the credit card will be charged for the amount
/// specified": each prepaid (debit) account whose real-time ledger balance is below the customer's threshold is topped up
/// (key <c>recharge:ACCOUNT:N</c>); the top-up raises the ledger balance at once, so the switch authorizes calls again.</item>
/// </list>
/// An approved charge becomes a payment in provisioning (so the next invoice shows it); a declined one is recorded with the
/// seed's reason and the customer is emailed it. Every attempt is written before the gateway is asked, so a run that
/// stopped halfway asks again with the same key and nothing is charged twice.
/// </summary>
public sealed class AutoPayRunner(string dataDirectory, IPaymentGateway gateway, IClock clock, ProviderInfo provider)
{
    /// <summary>Charges the amount due of each unpaid invoice of customers with auto-pay that was not charged before.</summary>
    public AutoPayResult PayInvoices(IEnumerable<IssuedInvoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        using var provisioning = ProvisioningStore.Open(dataDirectory);
        using var billing = BillingStore.Open(dataDirectory);
        var snapshot = provisioning.Load();
        var customers = snapshot.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var recorded = snapshot.Payments.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        // Done: declined, or approved and recorded. An approved charge whose payment was not recorded (the run stopped
        // in between) is asked again under its key: the gateway answers as before and the payment is recorded now.
        var done = billing.PaymentAttempts()
            .Where(a => a.Status == "declined" || (a.Status == "approved" && recorded.Contains("AP-" + a.Key["autopay:".Length..])))
            .Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var result = AutoPayResult.None;
        var payments = new List<Payment>();
        foreach (var invoice in invoices.Where(i => !i.Void && !i.Prepaid && i.AmountDue.Value > 0))
        {
            var key = "autopay:" + PdfInvoiceRenderer.InvoiceNumber(invoice.Number);
            if (!customers.TryGetValue(invoice.CustomerId, out var customer) || customer.AutoPay is not { PayInvoices: true } pay || done.Contains(key))
            {
                continue;
            }

            var purpose = $"Invoice {PdfInvoiceRenderer.InvoiceNumber(invoice.Number)}";
            var (outcome, payment) = Charge(billing, customer, pay, null, key, purpose, invoice.AmountDue, "AP-" + PdfInvoiceRenderer.InvoiceNumber(invoice.Number));
            result = result.Plus(outcome);
            if (payment is not null)
            {
                payments.Add(payment);
            }
        }

        Record(provisioning, payments);
        return result;
    }

    /// <summary>Tops up each prepaid account of customers with auto-recharge whose ledger balance is below their threshold.</summary>
    public AutoPayResult Recharge(LedgerStore ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        using var provisioning = ProvisioningStore.Open(dataDirectory);
        using var billing = BillingStore.Open(dataDirectory);
        var snapshot = provisioning.Load();
        var attempts = billing.PaymentAttempts();
        var recorded = snapshot.Payments.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var result = AutoPayResult.None;
        var payments = new List<Payment>();
        foreach (var customer in snapshot.Customers.Where(c => c.AutoPay is { RechargeBelow: not null, RechargeAmount: not null }))
        {
            var pay = customer.AutoPay!;
            foreach (var account in snapshot.Accounts.Where(a => a.CustomerId == customer.Id && a.Type == AccountType.Debit))
            {
                if (ledger.Balance(account.Id) >= pay.RechargeBelow!.Value)
                {
                    continue;
                }

                // An attempt left unfinished (asked, or approved but not recorded, by a run that stopped) is asked again
                // under its own key; otherwise a new key.
                var mine = attempts.Where(a => a.AccountId == account.Id && a.Key.StartsWith("recharge:", StringComparison.Ordinal)).ToList();
                var key = mine.FirstOrDefault(a => a.Status == "pending" || (a.Status == "approved" && !recorded.Contains(PaymentIdOf(a.Key))))?.Key
                    ?? string.Create(CultureInfo.InvariantCulture, $"recharge:{account.Id}:{mine.Count + 1}");
                var paymentId = PaymentIdOf(key);
                var (outcome, payment) = Charge(billing, customer, pay, account.Id, key, $"Top-up of {account.Id}", pay.RechargeAmount!.Value, paymentId);
                result = result.Plus(outcome);
                if (payment is not null)
                {
                    // The ledger's balance moves at once (the switch authorizes against it); the invoice shows the payment.
                    ledger.Writer.TryPostMovement(new BalanceMovement(paymentId, account.Id, MovementKind.TopUp, payment.Amount, clock.GetCurrentInstant(), payment.Reference));
                    ledger.Writer.Commit();
                    payments.Add(payment);
                }
            }
        }

        Record(provisioning, payments);
        return result;
    }

    private (AutoPayResult Outcome, Payment? Payment) Charge(BillingStore billing, Customer customer, AutoPay pay, string? accountId, string key, string purpose, Mills amount, string paymentId)
    {
        billing.StartPaymentAttempt(key, customer.Id, accountId, purpose, amount, clock.GetCurrentInstant());
        var answer = gateway.Charge(new PaymentRequest(key, pay.CardToken, MoneyRounding.HalfUpToMinorUnit(amount, customer.Currency), customer.Currency, $"{provider.Name}: {purpose}"));
        billing.FinishPaymentAttempt(key, answer, clock.GetCurrentInstant());
        if (answer.Approved)
        {
            var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[customer.TimeZone]).Date;
            // The amount charged, in the customer's currency (rounded to its minor unit, as the gateway was asked).
            var charged = MoneyRounding.HalfUpToMinorUnit(amount, customer.Currency);
            return (AutoPayResult.OneApproved(customer.Currency, charged), new Payment(paymentId, customer.Id, today, charged, PaymentMethod.Card, $"{pay.CardLabel} {answer.Reference} ({purpose})", PaymentKind.Payment));
        }

        billing.Enqueue([Declined(customer, pay, key, purpose, amount, answer.Decline!.Value)], clock.GetCurrentInstant());
        return (AutoPayResult.OneDeclined, null);
    }

    private NewMail Declined(Customer customer, AutoPay pay, string key, string purpose, Mills amount, DeclineReason reason) => new(
        "declined:" + key, customer.Id, customer.Email,
        $"{provider.Name}: your card payment of {customer.Currency} {Amounts.Money(amount, customer.Currency)} was declined",
        string.Create(CultureInfo.InvariantCulture, $"""
            Hello {customer.Contact},

            We could not charge {customer.Currency} {Amounts.Money(amount, customer.Currency)} ({purpose}) to your {pay.CardLabel}: {reason.ToText()}.

            Please make sure that all credit card details are entered EXACTLY as they appear on the card and monthly statement,
            or add another card in the self-care portal (Payment Options).
            Questions: {provider.Contact}
            """),
        []);

    private static string PaymentIdOf(string rechargeKey) => "RC-" + rechargeKey["recharge:".Length..].Replace(':', '-');

    private void Record(ProvisioningStore provisioning, List<Payment> payments)
    {
        if (payments.Count > 0)
        {
            provisioning.Import(ProvisioningSnapshot.Empty with { Payments = payments }, "auto-pay", clock: clock);
        }
    }
}
