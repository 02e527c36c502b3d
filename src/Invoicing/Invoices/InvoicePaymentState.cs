using Centrex.Rating.Money;

namespace Centrex.Invoicing.Invoices;

/// <summary>Where an invoice stands on a given day.</summary>
/// <param name="Invoice">The invoice.</param>
/// <param name="Status">Its payment status.</param>
/// <param name="Payable">Its own amount to pay: its total rounded half up to the cent (0 when it is a credit).</param>
/// <param name="Paid">Payments applied to it, oldest unpaid invoice first.</param>
public sealed record InvoicePaymentState(IssuedInvoice Invoice, InvoiceStatus Status, Mills Payable, Mills Paid)
{
    /// <summary>What is left to pay on it.</summary>
    public Mills Outstanding => Payable - Paid;
}
