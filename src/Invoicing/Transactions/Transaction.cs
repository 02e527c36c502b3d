using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Transactions;

/// <summary>One movement of a customer's money (seed 004, Transactions: "calls, payments, refunds, subscription charges, etc.").</summary>
/// <param name="Date">Its day, in the customer's zone.</param>
/// <param name="Service">What kind: <c>calls</c>, <c>subscriptions</c>, <c>fees</c>, <c>adjustments</c>, <c>credits</c>, <c>taxes</c>, <c>payments</c>, <c>refunds</c>, <c>voids</c>.</param>
/// <param name="Account">The account, when it concerns one.</param>
/// <param name="Description">What it is.</param>
/// <param name="Reference">The source record: CDR id, subscription, payment, fee.</param>
/// <param name="Invoice">The invoice it is on, or null while not invoiced yet.</param>
/// <param name="Quantity">Billed seconds for a call, otherwise 1.</param>
/// <param name="Amount">Signed: positive raises what the customer owes.</param>
public sealed record Transaction(LocalDate Date, string Service, string? Account, string Description, string? Reference, long? Invoice, long Quantity, Mills Amount);
