namespace Centrex.Provisioning.Model;

/// <summary>
/// How money was received (provider FAQ, "What methods of payment does Cititone accept?": cards, PayPal, bank
/// payments and wire transfers). Persisted by name: <c>card</c>, <c>paypal</c>, <c>bank-transfer</c>.
/// </summary>
public enum PaymentMethod
{
    /// <summary>MasterCard or Visa.</summary>
    Card,

    /// <summary>A verified PayPal account.</summary>
    PayPal,

    /// <summary>Electronic bill payment or a direct wire/bank transfer.</summary>
    BankTransfer,
}
