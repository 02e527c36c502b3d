using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Invoices;

/// <summary>
/// Payment statuses of a customer's invoices on a given day (self-care manual, Invoices and Billing Summary). Payments
/// received up to that day, less refunds, are applied to the oldest unpaid invoice first, each invoice taking its own
/// total rounded half up to the minor unit (the cent) (what it added to the balance); whatever is left waits for the next invoice. Earlier
/// unpaid amounts are not counted twice: they stay on the earlier invoice, which is why "Last Invoice Amount" (the
/// amount due) may be more than the invoice's own total.
/// </summary>
public static class InvoiceStatusCalculator
{
    /// <summary>Each non-void invoice's state, and N/A for void ones, in number order, in a currency of cents.</summary>
    public static IReadOnlyList<InvoicePaymentState> Compute(IEnumerable<IssuedInvoice> invoices, IEnumerable<Payment> payments, LocalDate asOf) =>
        Compute(invoices, payments, asOf, "USD");

    /// <summary>
    /// Each non-void invoice's state, and N/A for void ones, in number order; each invoice's total is rounded to the minor
    /// unit of its own currency (the customer's <paramref name="currency"/> for one issued before invoices recorded it),
    /// as its amount due was.
    /// </summary>
    public static IReadOnlyList<InvoicePaymentState> Compute(IEnumerable<IssuedInvoice> invoices, IEnumerable<Payment> payments, LocalDate asOf, string currency)
    {
        var pool = payments.Where(p => p.Received <= asOf)
            .Aggregate(0L, (sum, p) => sum + (p.Kind == PaymentKind.Refund ? -p.Amount.Value : p.Amount.Value));
        var states = new List<InvoicePaymentState>();
        foreach (var invoice in invoices.OrderBy(i => i.Number))
        {
            if (invoice.Void)
            {
                states.Add(new(invoice, InvoiceStatus.NotApplicable, Mills.Zero, Mills.Zero));
                continue;
            }

            var payable = Math.Max(0, MoneyRounding.HalfUpToMinorUnit(invoice.Total, invoice.CurrencyOr(currency)).Value);
            var paid = Math.Clamp(pool, 0, payable);
            pool -= paid;
            states.Add(new(invoice, Status(invoice, payable, paid, asOf), new Mills(payable), new Mills(paid)));
        }

        return states;
    }

    private static InvoiceStatus Status(IssuedInvoice invoice, long payable, long paid, LocalDate asOf)
    {
        if (invoice.Prepaid)
        {
            return InvoiceStatus.NotApplicable;
        }

        if (invoice.AmountDue.Value <= 0)
        {
            return InvoiceStatus.DoNotPay;
        }

        if (paid >= payable)
        {
            return InvoiceStatus.Paid;
        }

        if (asOf > invoice.DueOn)
        {
            return InvoiceStatus.Overdue;
        }

        return paid > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Unpaid;
    }
}
