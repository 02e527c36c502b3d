using Centrex.Ledger;
using Centrex.Rating.Money;

namespace Centrex.Portal.Data;

/// <summary>
/// A customer's money at a glance (seed 004: "At the top of the interface you can always view billing information such
/// as your balance, credit limit"): its lines' ledger balances added up (charges lower them, payments and top-ups raise
/// them) and their credit limits added up.
/// </summary>
/// <param name="Balance">The sum of the lines' balances as of the ledger's last commit.</param>
/// <param name="CreditLimit">The sum of the lines' credit limits.</param>
public sealed record CustomerBalance(Mills Balance, Mills CreditLimit)
{
    /// <summary>The balance of <paramref name="view"/>'s lines.</summary>
    public static CustomerBalance Of(CustomerView view, LedgerStore ledger)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(ledger);
        var balance = Mills.Zero;
        var limit = Mills.Zero;
        foreach (var account in view.Accounts)
        {
            balance += ledger.Balance(account.Id);
            limit += account.CreditLimit;
        }

        return new CustomerBalance(balance, limit);
    }
}
