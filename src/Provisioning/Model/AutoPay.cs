using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>
/// A customer's automatic payments (self-care manual, Payment Info: "The Auto-pay invoices using this payment method
/// allows you to define whether a credit card should be charged at the end of the billing period. To set up automatic
/// payment with a debit or credit card when the balance crosses a specified threshold, select the Pay check box and
/// specify the threshold"; provider FAQ: "Auto recharge settings"). Only a card: "all re-occurring services ... cannot be
/// charged on a re-occurring basis with PayPal". The card is held by the payment gateway; provisioning keeps only its
/// token, never a card number.
/// </summary>
/// <param name="CardToken">The gateway's token for the saved card.</param>
/// <param name="CardLabel">How the card is shown (<c>VISA ****4242</c>).</param>
/// <param name="PayInvoices">Charge each invoice's amount due when it is issued.</param>
/// <param name="RechargeBelow">Top up a prepaid account whose balance falls below this, or null for no auto-recharge.</param>
/// <param name="RechargeAmount">How much each top-up is.</param>
public sealed record AutoPay(string CardToken, string CardLabel, bool PayInvoices, Mills? RechargeBelow, Mills? RechargeAmount);
