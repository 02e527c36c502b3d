namespace Centrex.Provisioning.Model;

/// <summary>
/// How money was received (provider FAQ, "What methods of payment does Cititone accept?": cards, PayPal, bank
/// payments and wire transfers). Persisted by name: <c>card</c>, <c>paypal</c>, <c>bank-transfer</c>, <c>bill-payment</c>.
/// </summary>
public enum PaymentMethod
{
    /// <summary>MasterCard or Visa.</summary>
    Card,

    /// <summary>A verified PayPal account.</summary>
    PayPal,

    /// <summary>
    /// A direct wire/bank transfer. Seed 001: "there is a $15.00 processing fee for these types of payments": billing
    /// charges it on the invoice of the month the transfer is received.
    /// </summary>
    BankTransfer,

    /// <summary>Electronic Bill Payment from the customer's bank (seed 001): no processing fee.</summary>
    BillPayment,
}
