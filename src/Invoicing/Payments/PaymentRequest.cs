using Centrex.Rating.Money;

namespace Centrex.Invoicing.Payments;

/// <summary>A charge asked of the payment gateway.</summary>
/// <param name="IdempotencyKey">The same key never charges twice: a retry gets the first answer.</param>
/// <param name="CardToken">The gateway's token of the saved card.</param>
/// <param name="Amount">How much, in whole cents.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Description">What it is for, shown on the statement.</param>
public sealed record PaymentRequest(string IdempotencyKey, string CardToken, Mills Amount, string Currency, string Description);
