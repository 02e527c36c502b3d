using Centrex.Invoicing.Transactions;
using Centrex.Portal.Features.Shared;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// One page of the Transactions list without holding the list (review of issue 16, finding 2): the calls, up to a million
/// a month, are sorted and cut by SQLite (<see cref="Data.CallLog.CallLogStore.ChargedPage"/>); the other transactions
/// (ledger entries and payments: a few a month) are held, sorted by <see cref="TableSort{T}"/>, and merged in. The page is
/// the one <see cref="TableSort{T}.Sort"/> cuts from the whole list built by <see cref="TransactionReport.Build"/>: equal
/// keys keep the list's own order (by day, calls first within a day, calls by start), and descending reverses both.
/// </summary>
public static class TransactionPager
{
    /// <summary>
    /// The calls' <c>ORDER BY</c> for a column of <see cref="IndexModel.Sorting"/>: the key the list sorts by, then start
    /// and rowid (the list's own order of calls). Date, service (always <c>calls</c>) and invoice (none yet: a call's
    /// transaction names no invoice) leave the calls in start order.
    /// </summary>
    public static string CallOrder(Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var dir = paging.Descending ? "DESC" : "ASC";
        var key = paging.Sort switch
        {
            "line" => $"account COLLATE {Data.CallLog.CallLogStore.TextCollation} {dir}, ",
            "description" => $"('Call to +' || callee || ' (' || COALESCE(destination, '') || ')') COLLATE {Data.CallLog.CallLogStore.TextCollation} {dir}, ",
            "amount" => $"charge_mills {dir}, ",
            _ => string.Empty,
        };
        return $"ORDER BY {key}start_ms {dir}, rowid {dir}";
    }

    /// <summary>The page <paramref name="paging"/> asks for.</summary>
    /// <param name="paging">Page, size, column and direction.</param>
    /// <param name="callCount">How many calls the list holds.</param>
    /// <param name="calls">Reads <c>take</c> calls after the first <c>skip</c> in <see cref="CallOrder"/>.</param>
    /// <param name="held">The other transactions, already sorted as <paramref name="paging"/> says.</param>
    /// <param name="key">The sort column's key.</param>
    public static Paged<Transaction> Page(Paging paging, long callCount, Func<long, int, IReadOnlyList<Transaction>> calls, IReadOnlyList<Transaction> held,
        Func<Transaction, object?> key)
    {
        ArgumentNullException.ThrowIfNull(paging);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(key);
        var sign = paging.Descending ? -1 : 1;

        // Where a call goes against a held transaction: by key; on equal keys the list's own order, in which a call comes
        // before whatever else is on its day and after every earlier day.
        int Before(Transaction call, Transaction other)
        {
            var c = SortKeys.Compare(key(call), key(other));
            return sign * (c != 0 ? c : call.Date <= other.Date ? -1 : 1);
        }

        // At most held.Count transactions that are not calls come before the page: the page's calls are among the
        // size + held.Count calls from first (or, past the last call, the last one), and where the first of them stands
        // in the whole list is its rank among the calls plus the held transactions that come before it.
        var skip = (long)paging.Skip;
        var first = Math.Max(0, Math.Min(skip - held.Count, callCount - 1));
        IReadOnlyList<Transaction> read = callCount == 0 ? [] : calls(first, paging.Size + held.Count);
        var j = 0;
        if (first > 0 && read.Count > 0)
        {
            while (j < held.Count && Before(read[0], held[j]) > 0)
            {
                j++;
            }
        }

        var position = first + j;
        var readAll = first + read.Count >= callCount;
        var rows = new List<Transaction>(paging.Size);
        var i = 0;
        while (rows.Count < paging.Size && (i < read.Count || (readAll && j < held.Count)))
        {
            var next = j >= held.Count || (i < read.Count && Before(read[i], held[j]) < 0) ? read[i++] : held[j++];
            if (position++ >= skip)
            {
                rows.Add(next);
            }
        }

        return new Paged<Transaction>(rows, checked(callCount + held.Count), paging);
    }
}
