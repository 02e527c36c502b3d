using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Store;

namespace Centrex.Invoicing.Cycle;

/// <summary>What a billing run did.</summary>
/// <param name="Run">The period's run (an earlier one when <paramref name="AlreadyBilled"/>).</param>
/// <param name="AlreadyBilled">The period had been billed before: nothing was changed.</param>
/// <param name="Invoices">The invoices issued by this run (empty when already billed).</param>
/// <param name="Calls">Rated calls billed.</param>
/// <param name="UnprovisionedCalls">Rated calls in the period whose account is not provisioned: not billed, counted here so none goes unnoticed.</param>
/// <param name="InvoiceFolder">Where the PDF and CSV invoices are.</param>
/// <param name="Elapsed">How long the run took.</param>
/// <remarks>
/// No amount is summed here: the invoices are in their customers' currencies, and a sum of dollars and yen is no amount
/// (<c>centrex bill</c> totals them per currency).
/// </remarks>
public sealed record BillingRunResult(BillingRun Run, bool AlreadyBilled, IReadOnlyList<Invoice> Invoices, long Calls, long UnprovisionedCalls, string InvoiceFolder, TimeSpan Elapsed);
