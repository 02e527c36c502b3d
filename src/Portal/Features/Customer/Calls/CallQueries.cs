using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;

namespace Centrex.Portal.Features.Customer.Calls;

/// <summary>The customer's calls (Call Logs, the dashboard's Recent Calls), always for the session's customer.</summary>
public sealed class CallQueries(CustomerScope scope, CallLogStore calls)
{
    /// <summary>The most recent calls.</summary>
    public IReadOnlyList<CallRow> Recent(int count) => calls.Recent(scope.CustomerId, count);

    /// <summary>A page of matching calls, newest first unless <paramref name="descending"/> is false.</summary>
    public IReadOnlyList<CallRow> Page(CallFilter filter, long skip, int take, bool descending) => calls.Page(scope.CustomerId, filter, skip, take, descending);

    /// <summary>
    /// The Call Logs table's sortable columns (issue 16: "tables sortable ... on the server"). Start is the index's own
    /// order; the others sort the customer's calls of the filter in SQLite (one customer's range of calls_by_customer).
    /// </summary>
    public static SqlSort Sorting { get; } = new("start", defaultDescending: true,
    [
        ("start", "start_ms"), ("line", "account"), ("from", "caller"), ("to", "callee"), ("direction", "direction"),
        ("disposition", "disposition"), ("duration", "seconds"), ("destination", "destination"), ("charge", "charge_mills"),
    ]) { DeepestRow = DeepestSortedRow, IndexedColumns = ["start"] };

    /// <summary>The deepest row of a page sorted by a column other than start (<see cref="SortColumns.DeepestRow"/>).</summary>
    public const int DeepestSortedRow = 10_000;

    /// <summary>A page of matching calls in the order of <paramref name="paging"/>.</summary>
    public IReadOnlyList<CallRow> Page(CallFilter filter, Paging paging) =>
        calls.Page(scope.CustomerId, filter, paging.Skip, paging.Size, Sorting.OrderBy(paging, "rowid"));

    /// <summary>How many calls match.</summary>
    public long Count(CallFilter filter) => calls.Count(scope.CustomerId, filter);

    /// <summary>Every matching call, oldest first, streamed.</summary>
    public void Each(CallFilter filter, Action<CallRow> visit) => calls.Each(scope.CustomerId, filter, visit);
}
