using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Payments;

/// <summary>A card payment asked of the gateway, as recorded.</summary>
/// <param name="Key">Its idempotency key: <c>autopay:000042</c>, <c>recharge:ACC-1004:3</c>.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="AccountId">The account topped up, or null for an invoice payment.</param>
/// <param name="Purpose">What it paid for, as told to the gateway.</param>
/// <param name="Amount">How much.</param>
/// <param name="Status"><c>pending</c>, <c>approved</c> or <c>declined</c>.</param>
/// <param name="Decline">Why it was declined.</param>
/// <param name="Reference">The gateway's reference when approved.</param>
/// <param name="At">When it was last asked or answered.</param>
public sealed record PaymentAttempt(string Key, string CustomerId, string? AccountId, string Purpose, Mills Amount, string Status, DeclineReason? Decline, string? Reference, Instant At);
