using System.Text;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Payments;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Tests.Support;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Provisioning.Store;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>Issue 17: auto-pay and auto-recharge through the payment gateway interface, with the test gateway.</summary>
public sealed class AutoPayTests : IDisposable
{
    private static readonly YearMonth October = new(2026, 10);
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private AutoPayRunner Runner(int day = 2) => new(_h.Data, new TestPaymentGateway(_h.Data), FixedClock.At(2026, 11, day), ProviderInfo.Default);

    private void Customer(string autoPay, string type = "credit") => _h.Import(Harness.Customer("C1", "A1").Replace(
        "\"send_statistic\": \"summary\" }", $"\"send_statistic\": \"summary\", \"auto_pay\": {autoPay} }}", StringComparison.Ordinal)
        .Replace("\"type\": \"credit\"", $"\"type\": \"{type}\"", StringComparison.Ordinal));

    private IReadOnlyList<IssuedInvoice> Invoices()
    {
        using var store = BillingStore.Open(_h.Data);
        return store.Invoices();
    }

    /// <summary>
    /// Self-care manual, Payment Info: "The Auto-pay invoices using this payment method allows you to define whether a
    /// credit card should be charged at the end of the billing period."
    /// </summary>
    [Fact]
    public void AutoPay_ChargesEachInvoiceOnce_AndTheInvoiceIsPaid()
    {
        Customer("""{ "card_token": "tok_visa_4242", "card_label": "VISA ****4242", "pay_invoices": true }""");
        _h.Import("""{ "format": "centrex-provisioning/1", "subscriptions": [ { "id": "S1", "account": "A1", "product": "P31", "start": "2026-10-05" } ] }""");
        var invoice = _h.Bill(October).Invoices.Single();

        var paid = Runner().PayInvoices(Invoices());
        Assert.Equal(AutoPayResult.OneApproved(invoice.Customer.Currency, invoice.AmountDue), paid);
        Assert.Equal(AutoPayResult.None, Runner().PayInvoices(Invoices())); // never twice
        Assert.Equal([("autopay:000001", invoice.AmountDue.Value)], new TestPaymentGateway(_h.Data).Approved.Select(a => (a.Key, a.AmountMills)));

        using var provisioning = ProvisioningStore.Open(_h.Data);
        var payment = Assert.Single(provisioning.Load().Payments);
        Assert.Equal(("AP-000001", invoice.AmountDue, new LocalDate(2026, 11, 2)), (payment.Id, payment.Amount, payment.Received));
        Assert.Equal(InvoiceStatus.Paid, InvoiceStatusCalculator.Compute(Invoices(), [payment], new LocalDate(2026, 12, 31)).Single().Status);
        var november = _h.Bill(October.PlusMonths(1)).Invoices.Single();
        Assert.Contains(november.Payments, p => p.Payment.Id == "AP-000001");
    }

    /// <summary>
    /// Provider FAQ, "Why would my credit card be declined?": "Possible reasons why a credit card would fail are incorrect
    /// credit card number, incorrect expiration date, incorrect card holder name, incorrect security code, insufficient
    /// funds, declined by the credit card company, and because of address verification failure."
    /// </summary>
    [Theory]
    [InlineData("incorrect-card-number", "incorrect credit card number")]
    [InlineData("incorrect-expiration-date", "incorrect expiration date")]
    [InlineData("incorrect-cardholder-name", "incorrect card holder name")]
    [InlineData("incorrect-security-code", "incorrect security code")]
    [InlineData("insufficient-funds", "insufficient funds")]
    [InlineData("declined-by-issuer", "declined by the credit card company")]
    [InlineData("address-verification-failed", "address verification failure")]
    public void Declined_IsRecordedWithItsReason_AndTheCustomerIsEmailedIt(string token, string reason)
    {
        Customer($$"""{ "card_token": "tok_{{token}}", "card_label": "MC ****5100", "pay_invoices": true }""");
        _h.Import("""{ "format": "centrex-provisioning/1", "subscriptions": [ { "id": "S1", "account": "A1", "product": "P31", "start": "2026-10-05" } ] }""");
        _h.Bill(October);

        Assert.Equal(AutoPayResult.OneDeclined, Runner().PayInvoices(Invoices()));
        Assert.Equal(AutoPayResult.None, Runner().PayInvoices(Invoices())); // the same card is not tried again for this invoice
        using var store = BillingStore.Open(_h.Data);
        var attempt = Assert.Single(store.PaymentAttempts());
        Assert.Equal(("declined", reason), (attempt.Status, attempt.Decline!.Value.ToText()));
        var mail = Assert.Single(store.Outbox(), m => m.Key == "declined:autopay:000001");
        Assert.Contains($"to your MC ****5100: {reason}.", mail.Body, StringComparison.Ordinal);
        using var provisioning = ProvisioningStore.Open(_h.Data);
        Assert.Empty(provisioning.Load().Payments);
    }

    /// <summary>
    /// Self-care manual, Payment Info: "When the balance crosses this threshold the credit card will be charged for the
    /// amount specified in the Pay field." Provider FAQ: "Auto recharge settings".
    /// </summary>
    [Fact]
    public void Recharge_PrepaidBalanceBelowTheThreshold_IsToppedUpOnce_AndTheLedgerBalanceRisesAtOnce()
    {
        Customer("""{ "card_token": "tok_visa_4242", "card_label": "VISA ****4242", "recharge_below": "10.00", "recharge_amount": "50.00" }""", type: "debit");
        using var ledger = LedgerStore.Open(_h.Data);
        Charge(ledger, "c1", 4_000); // balance -4.000: below 10.00
        var first = Runner().Recharge(ledger);
        Assert.Equal(AutoPayResult.OneApproved("CAD", new Mills(50_000)), first);
        Assert.Equal(new Mills(46_000), ledger.Balance("A1"));
        Assert.Equal(AutoPayResult.None, Runner().Recharge(ledger)); // 46.00 is above the threshold

        Charge(ledger, "c2", 40_000); // 6.000: below again
        Assert.Equal(1, Runner(3).Recharge(ledger).Approved);
        Assert.Equal(new Mills(56_000), ledger.Balance("A1"));
        using var provisioning = ProvisioningStore.Open(_h.Data);
        Assert.Equal(["RC-A1-1", "RC-A1-2"], provisioning.Load().Payments.Select(p => p.Id));
    }

    private static void Charge(LedgerStore ledger, string id, long mills)
    {
        ledger.Writer.TryAppendRatedCdr(new RatedCdrFields(Encoding.UTF8.GetBytes(id), "A1"u8, "+14165550000"u8, "442071234567"u8,
            Instant.FromUtc(2026, 11, 1, 12, 0).ToUnixTimeSeconds(), 0, 60, 60, NumberClass.International, "44"u8, "United Kingdom"u8, mills, 0));
        ledger.Writer.Commit();
    }
}
