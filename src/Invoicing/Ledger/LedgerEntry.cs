using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Ledger;

/// <summary>One balance movement of a customer. Positive amounts raise what the customer owes.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AccountId">The account, when it concerns one.</param>
/// <param name="InvoiceNumber">The invoice it appears on.</param>
/// <param name="PostedOn">Its date.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Description">What the invoice says.</param>
/// <param name="Reference">The source record: subscription, payment, fee or CDR count.</param>
/// <param name="Amount">Signed amount in mills.</param>
/// <param name="ChargeKey">What it pays for (<see cref="Subscriptions.SubscriptionCharge.Key"/>), for charges billing reconciles; null otherwise.</param>
/// <param name="Corrects">For an adjustment, the earlier invoice it corrects.</param>
public sealed record LedgerEntry(string CustomerId, string? AccountId, long InvoiceNumber, LocalDate PostedOn, LedgerKind Kind, string Description, string? Reference, Mills Amount,
    string? ChargeKey = null, long? Corrects = null);
