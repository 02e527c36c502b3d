using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Store;

/// <summary>A completed billing run of one period.</summary>
/// <param name="Period">The month billed.</param>
/// <param name="RunAt">When.</param>
/// <param name="Invoices">Invoices issued.</param>
/// <param name="FirstNumber">First invoice number, or null when none.</param>
/// <param name="LastNumber">Last invoice number, or null when none.</param>
/// <param name="Total">Sum of the invoices' totals.</param>
public sealed record BillingRun(YearMonth Period, Instant RunAt, int Invoices, long? FirstNumber, long? LastNumber, Mills Total);
