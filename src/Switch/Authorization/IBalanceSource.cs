using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>Reads an account's balance: mills, charges lower it, payments raise it. Must be safe from any thread.</summary>
public interface IBalanceSource
{
    /// <summary>The balance as of the last committed ledger entry.</summary>
    Mills Balance(string account);
}
