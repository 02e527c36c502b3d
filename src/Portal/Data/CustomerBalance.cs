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
    /// <summary>
    /// The balance of <paramref name="view"/>'s lines. Their balances are read in one batch without holding the request's
    /// thread: at full scale most of them are on disk, and a request thread blocked on that I/O is one fewer to complete it.
    /// </summary>
    public static async Task<CustomerBalance> OfAsync(CustomerView view, LedgerStore ledger)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(ledger);
        var balances = await ledger.BalancesAsync([.. view.Accounts.Select(a => a.Id)]).ConfigureAwait(false);
        var balance = Mills.Zero;
        var limit = Mills.Zero;
        for (var i = 0; i < balances.Length; i++)
        {
            balance += balances[i];
            limit += view.Accounts[i].CreditLimit;
        }

        return new CustomerBalance(balance, limit);
    }
}
