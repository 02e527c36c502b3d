using Centrex.Provisioning.Model;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Invoices;

/// <summary>A payment or refund shown on an invoice, signed as it moves the balance (a payment is negative).</summary>
/// <param name="Payment">The recorded payment.</param>
/// <param name="Amount">Signed amount.</param>
public sealed record PaymentLine(Payment Payment, Mills Amount);
