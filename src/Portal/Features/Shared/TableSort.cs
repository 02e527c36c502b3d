using System.Collections;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// A table sorted in memory (the lists the portal holds whole: provisioning's records, invoices, tickets): each column
/// a key; text compares case-insensitively, nulls first; equal keys keep the list's own order (a stable sort), and
/// descending reverses both.
/// </summary>
public sealed class TableSort<T>(string defaultColumn, bool defaultDescending, IReadOnlyList<(string Name, Func<T, object?> Key)> columns, string prefix = "")
    : SortColumns(defaultColumn, defaultDescending, prefix)
{
    private static readonly IComparer Keys = Comparer<object?>.Create(SortKeys.Compare);

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = [.. columns.Select(c => c.Name)];

    /// <summary>The key of <paramref name="column"/> (one of <see cref="Names"/>).</summary>
    public Func<T, object?> Key(string column) => columns.First(c => c.Name == column).Key;

    /// <summary><paramref name="rows"/> sorted as <paramref name="paging"/> says.</summary>
    public IReadOnlyList<T> Sort(IEnumerable<T> rows, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var key = Key(paging.Sort);
        var list = rows.ToList();
        var sorted = list.Select((row, index) => (row, index, key: key(row)))
            .Order(Comparer<(T row, int index, object? key)>.Create((a, b) =>
            {
                var c = Keys.Compare(a.key, b.key);
                return c != 0 ? c : a.index.CompareTo(b.index);
            }))
            .Select(x => x.row);
        return paging.Descending ? [.. sorted.Reverse()] : [.. sorted];
    }

    /// <summary>Reads the URL's sort and page, and returns that page of <paramref name="rows"/>.</summary>
    public Paged<T> Page(Microsoft.AspNetCore.Http.IQueryCollection query, IEnumerable<T> rows)
    {
        var paging = Read(query);
        return paging.Of(Sort(rows, paging));
    }
}
