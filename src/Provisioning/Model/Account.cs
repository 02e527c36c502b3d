using Centrex.Rating.Money;

namespace Centrex.Provisioning.Model;

/// <summary>A phone line (the manual's "account"): the unit calls are rated and balances kept for.</summary>
/// <param name="Id">Unique id, as in CDRs.</param>
/// <param name="CustomerId">The customer it belongs to.</param>
/// <param name="Type">Postpaid (credit) or prepaid (debit).</param>
/// <param name="CreditLimit">How far a credit account may go into debt.</param>
/// <param name="Site">The site it belongs to, or null for the default site.</param>
/// <param name="Requires911">Whether it carries the 911 cost recovery fee (Canada only).</param>
/// <param name="DiscountPlans">Ids of the volume discount plans that apply to it.</param>
public sealed record Account(string Id, string CustomerId, AccountType Type, Mills CreditLimit, string? Site, bool Requires911, IReadOnlyList<string> DiscountPlans);
