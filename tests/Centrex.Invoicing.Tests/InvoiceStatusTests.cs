using Centrex.Invoicing.Invoices;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

public class InvoiceStatusTests
{
    private static IssuedInvoice Issued(long number, long total, long amountDue, int month, bool prepaid = false, bool isVoid = false) =>
        new(number, "C1", new YearMonth(2026, month), new LocalDate(2026, month, 28), new LocalDate(2026, month, 28).PlusDays(30),
            Mills.Zero, new Mills(total), new Mills(amountDue), new Mills(amountDue), prepaid, isVoid, null);

    private static Payment Paid(long amount, int month, int day, PaymentKind kind = PaymentKind.Payment) =>
        new($"P{month}{day}{amount}", "C1", new LocalDate(2026, month, day), new Mills(amount), PaymentMethod.Card, "ref", kind);

    private static InvoiceStatus[] Statuses(IssuedInvoice[] invoices, Payment[] payments, LocalDate asOf) =>
        [.. InvoiceStatusCalculator.Compute(invoices, payments, asOf).Select(s => s.Status)];

    [Fact]
    public void NoPayment_IsUnpaid_ThenOverduePastTheDueDate()
    {
        var invoice = Issued(1, 40_000, 40_000, 9);
        Assert.Equal([InvoiceStatus.Unpaid], Statuses([invoice], [], invoice.DueOn));
        Assert.Equal([InvoiceStatus.Overdue], Statuses([invoice], [], invoice.DueOn.PlusDays(1)));
    }

    [Fact]
    public void PartialPayment_IsPartiallyPaid_AndStillOverdueLater()
    {
        var invoice = Issued(1, 40_000, 40_000, 9);
        var states = InvoiceStatusCalculator.Compute([invoice], [Paid(15_000, 10, 2)], new LocalDate(2026, 10, 5));
        Assert.Equal((InvoiceStatus.PartiallyPaid, new Mills(15_000), new Mills(25_000)), (states[0].Status, states[0].Paid, states[0].Outstanding));
        Assert.Equal([InvoiceStatus.Overdue], Statuses([invoice], [Paid(15_000, 10, 2)], invoice.DueOn.PlusDays(1)));
    }

    [Fact]
    public void Payments_GoToTheOldestUnpaidInvoiceFirst()
    {
        var september = Issued(1, 40_000, 40_000, 9);
        var october = Issued(2, 30_000, 70_000, 10);
        var asOf = new LocalDate(2026, 11, 1);
        Assert.Equal([InvoiceStatus.Paid, InvoiceStatus.PartiallyPaid], Statuses([september, october], [Paid(50_000, 10, 30)], asOf));
        Assert.Equal([InvoiceStatus.Paid, InvoiceStatus.Paid], Statuses([september, october], [Paid(50_000, 10, 30), Paid(20_000, 10, 31)], asOf));
    }

    [Fact]
    public void SubCentRemainder_DoesNotLeaveAnInvoicePartiallyPaid()
    {
        // Total 5.243: the amount due is 5.24; paying it settles the invoice, 0.003 stays on the balance.
        var invoice = Issued(1, 5_243, 5_240, 10);
        Assert.Equal([InvoiceStatus.Paid], Statuses([invoice], [Paid(5_240, 11, 2)], new LocalDate(2026, 11, 3)));
    }

    [Fact]
    public void ZeroOrCreditAmountDue_IsDoNotPay()
    {
        Assert.Equal([InvoiceStatus.DoNotPay], Statuses([Issued(1, 0, 0, 10)], [], new LocalDate(2027, 1, 1)));
        Assert.Equal([InvoiceStatus.DoNotPay], Statuses([Issued(1, 10_000, -5_000, 10)], [], new LocalDate(2027, 1, 1)));
    }

    [Fact]
    public void VoidInvoicesAndPrepaidStatements_AreNotApplicable_AndTakeNoPayment()
    {
        var voided = Issued(1, 40_000, 40_000, 10, isVoid: true);
        var reissued = Issued(2, 40_000, 40_000, 10);
        var prepaid = Issued(3, 10_000, 10_000, 10, prepaid: true);
        var states = InvoiceStatusCalculator.Compute([voided, reissued, prepaid], [Paid(40_000, 11, 1)], new LocalDate(2026, 11, 2));
        Assert.Equal([InvoiceStatus.NotApplicable, InvoiceStatus.Paid, InvoiceStatus.NotApplicable], states.Select(s => s.Status));
    }

    [Fact]
    public void Refunds_ReduceWhatPaymentsCover()
    {
        var invoice = Issued(1, 40_000, 40_000, 10);
        Assert.Equal([InvoiceStatus.PartiallyPaid], Statuses([invoice], [Paid(40_000, 11, 1), Paid(1_000, 11, 2, PaymentKind.Refund)], new LocalDate(2026, 11, 3)));
    }

    [Fact]
    public void StatusNames_AreTheManuals() =>
        Assert.Equal(["Do Not Pay", "Unpaid", "Partially Paid", "Paid", "Overdue", "N/A"], Enum.GetValues<InvoiceStatus>().Select(s => s.ToDisplayName()));
}
