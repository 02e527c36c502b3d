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
public sealed record Payment(string Id, string CustomerId, LocalDate Received, Mills Amount, PaymentMethod Method, string Reference, PaymentKind Kind)
{
    /// <summary>
    /// The most one payment records: 10,000,000.000. A customer's payments are summed in mills (a long); a bound this far
    /// under long's range keeps the sum of hundreds of millions of them from overflowing (two of 9,223,372,036,854,775.000
    /// were accepted, and every sum of that customer's transactions was a 500).
    /// </summary>
    public static readonly Mills MaxAmount = new(10_000_000_000);

    /// <summary>
    /// The latest day a payment recorded at <paramref name="now"/> can say it was received: tomorrow in UTC. A payment is
    /// money already received, on the day in the customer's zone; a customer east of UTC may already be on tomorrow (one
    /// west still on yesterday), and no zone is more than a day ahead of UTC. The one rule of <c>provision import</c>,
    /// the portal's payments entry and the API (a received date of 9998-12-31 was taken by import).
    /// </summary>
    public static LocalDate LatestReceived(Instant now) => now.InUtc().Date.PlusDays(1);

    /// <summary>
    /// The earliest day a payment recorded at <paramref name="now"/> can say it was received: ten years before today in
    /// UTC. Late entry of a cheque or a migration of a customer's history (records kept for tax are 6–7 years) fits; a
    /// typed year of 0001 or 0226 does not (an operator's payment received 0001-01-01 was taken and lowered the amount
    /// due). One rule for <c>provision import</c>, the portal's payments entry and the API.
    /// </summary>
    public static LocalDate EarliestReceived(Instant now) => now.InUtc().Date.PlusYears(-10);
}
