using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Provisioning.Model;

/// <summary>Money received from (or refunded to) a customer. Immutable once recorded: a mistake is corrected by a refund.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Received">The day it was received, in the customer's zone.</param>
/// <param name="Amount">How much (positive).</param>
/// <param name="Method">How.</param>
/// <param name="Reference">The processor's or bank's reference.</param>
/// <param name="Kind">Payment or refund.</param>
public sealed record Payment(string Id, string CustomerId, LocalDate Received, Mills Amount, PaymentMethod Method, string Reference, PaymentKind Kind);
