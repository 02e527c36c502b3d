using System.Collections;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// How the portal's tables compare two sort keys: nulls first, text case-insensitively (ordinal, then case-sensitively so
/// the order is total), anything else by its own order. <see cref="TableSort{T}"/> sorts with it, and the Transactions
/// list merges the calls SQLite sorts (<see cref="Data.CallLog.CallLogStore.TextCollation"/>, the same comparison) with
/// the other transactions it holds.
/// </summary>
public static class SortKeys
{
    /// <summary>Compares two keys.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => Text(x, y),
        _ => Comparer.Default.Compare(a, b),
    };

    /// <summary>Compares two texts: ordinal ignoring case, then ordinal.</summary>
    public static int Text(string x, string y) => StringComparer.OrdinalIgnoreCase.Compare(x, y) is var c && c != 0 ? c : string.CompareOrdinal(x, y);
}
