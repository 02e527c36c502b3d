using Centrex.Ledger;
using Centrex.Rating.Money;

namespace Centrex.Switch.Authorization;

/// <summary>Balances from the durable ledger (<see cref="LedgerStore.Balance"/>: as of the last commit, any thread).</summary>
public sealed class LedgerBalanceSource(LedgerStore store) : IBalanceSource
{
    /// <inheritdoc />
    public Mills Balance(string account) => store.Balance(account);
}
