namespace Centrex.Invoicing.Invoices;

/// <summary>Payment status of an invoice (self-care manual, Invoices: "Payment status").</summary>
public enum InvoiceStatus
{
    /// <summary>The amount due is zero (or a credit): no payment is required.</summary>
    DoNotPay,

    /// <summary>No payment has been received yet.</summary>
    Unpaid,

    /// <summary>Less than the invoice's own amount has been received.</summary>
    PartiallyPaid,

    /// <summary>Paid in full.</summary>
    Paid,

    /// <summary>Not paid in full and past its due date.</summary>
    Overdue,

    /// <summary>Payment status does not apply: a voided invoice, or a statement of prepaid (debit) accounts.</summary>
    NotApplicable,
}
