using Centrex.Ledger.Journal;
using Centrex.Rating.Money;

namespace Centrex.Ingestion;

/// <summary>The answer for one row of a batch.</summary>
/// <param name="Line">Physical line the row starts on.</param>
/// <param name="Id">The CDR id.</param>
/// <param name="Outcome">Rated, duplicate, or rejected as no-rate.</param>
/// <param name="Charge">The charge when rated.</param>
internal readonly record struct RowOutcome(long Line, string Id, BatchOutcome Outcome, Mills Charge);
