namespace Centrex.Invoicing.Payments;

/// <summary>
/// Where card payments are taken (issue 17: auto-pay and auto-recharge "through a payment-gateway interface"). An
/// implementation charges a saved card by its token and honours the idempotency key: asked again with the same key, it
/// answers as the first time without charging again, so a run that stopped halfway can simply run again.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Charges the card.</summary>
    /// <exception cref="IOException">The gateway could not be reached: nothing is known to be charged; try again with the same key.</exception>
    PaymentResult Charge(PaymentRequest request);
}
