using Centrex.Rating.Money;

namespace Centrex.Invoicing.Invoices;

/// <summary>What issued invoices charged under one key, and the latest standing invoice that did.</summary>
/// <param name="Amount">Net amount charged (a voided invoice's entries cancel with their reversals).</param>
/// <param name="LastInvoice">The latest non-void invoice with a charge under the key, or null when all were voided.</param>
/// <param name="Description">How that charge read.</param>
/// <param name="AccountId">Its account.</param>
public sealed record BilledCharge(Mills Amount, long? LastInvoice, string Description, string? AccountId);
