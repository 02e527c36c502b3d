using Centrex.Rating.Money;

namespace Centrex.Ledger.Journal;

/// <summary>The recorded outcome of one row of an accepted batch.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Charge">The net charge when rated.</param>
public readonly record struct BatchRow(BatchOutcome Outcome, Mills Charge);
