using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>An account (a phone line, seed 004) as call control sees it.</summary>
/// <param name="Id">The account id; the ledger keys its balance by it.</param>
/// <param name="Type">Debit (prepaid) or credit (postpaid).</param>
/// <param name="CreditLimit">For a credit account, how far below zero the balance may go; <see langword="null"/> for
/// no limit (the portal's "Unlimited" available funds). Ignored for debit accounts.</param>
/// <param name="Site">The account's site, or <see langword="null"/> for the Default site.</param>
public sealed record SwitchAccount(string Id, AccountType Type, Mills? CreditLimit = null, string? Site = null);
