using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Ledger.Journal;

/// <summary>A non-call balance movement as recorded in the journal.</summary>
/// <param name="Id">Unique id of the movement (a payment reference), so posting it twice moves the balance once.</param>
/// <param name="Account">The account whose balance moves.</param>
/// <param name="Kind">What kind of movement.</param>
/// <param name="Amount">Signed amount added to the balance (a payment is positive, a refund negative).</param>
/// <param name="At">When it happened.</param>
/// <param name="Reference">Free text: a card authorization, a bank reference, a reason.</param>
public sealed record BalanceMovement(string Id, string Account, MovementKind Kind, Mills Amount, Instant At, string Reference);
