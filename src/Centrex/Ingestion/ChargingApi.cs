using Centrex.Ledger;
using Centrex.Rating;
using Centrex.RatingRun;

namespace Centrex.Ingestion;

/// <summary>
/// What the HTTP API's charging endpoints (CDR ingestion, balances) need; <c>serve</c> has them only with a tariff.
/// </summary>
/// <param name="Ledger">Balances, as of the last commit.</param>
/// <param name="Writer">The ledger's one writer thread, shared with the switch's CDR stage.</param>
/// <param name="Rater">Rates ingested CDRs.</param>
/// <param name="Discounts">Volume discounts applied on the writer thread, or null.</param>
internal sealed record ChargingApi(LedgerStore Ledger, LedgerWriterThread Writer, Rater Rater, RatingDiscounts? Discounts);
