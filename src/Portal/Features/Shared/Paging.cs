namespace Centrex.Portal.Features.Shared;

/// <summary>
/// Sorting and paging on the server, carried in the URL (issue 16, usability: "tables sortable and paged on the server,
/// filters kept in the URL"): <c>?sort=date&amp;dir=desc&amp;page=2&amp;size=50</c>. Read only through a table's
/// <see cref="TableSort{T}"/> or <see cref="SqlSort"/>, which refuse a column that is not one of the table's.
/// </summary>
/// <param name="Page">1-based page.</param>
/// <param name="Size">Rows a page (10 to 500).</param>
/// <param name="Sort">The column to sort by (one of the table's own names).</param>
/// <param name="Descending">Whether descending.</param>
/// <param name="Prefix">
/// Put before the query keys of a second table on the same page (<c>plan_sort</c>, <c>plan_dir</c>, <c>plan_page</c>) so
/// that sorting one table keeps the other's order.
/// </param>
public sealed record Paging(int Page, int Size, string Sort, bool Descending, string Prefix = "")
{
    /// <summary>Rows a page when the URL says nothing.</summary>
    public const int DefaultSize = 50;

    /// <summary>The query key of the sort column.</summary>
    public string SortKey => Prefix + "sort";

    /// <summary>The query key of the direction (<c>asc</c> or <c>desc</c>).</summary>
    public string DirKey => Prefix + "dir";

    /// <summary>The query key of the page.</summary>
    public string PageKey => Prefix + "page";

    /// <summary>Rows to skip.</summary>
    public int Skip => (Page - 1) * Size;

    /// <summary>
    /// The deepest row a page may reach in this order, or null when any may (<see cref="SortColumns.DeepestRow"/>); the
    /// pager links no further.
    /// </summary>
    public int? Deepest { get; init; }

    /// <summary>The last page a link may name: <paramref name="pages"/>, or fewer when <see cref="Deepest"/> stops short of them.</summary>
    public long LastLinked(long pages) => Deepest is { } rows ? Math.Min(pages, Math.Max(1, rows / Size)) : pages;

    /// <summary>The page of <paramref name="rows"/> (already sorted).</summary>
    public Paged<T> Of<T>(IReadOnlyList<T> rows) => new([.. rows.Skip(Skip).Take(Size)], rows.Count, this);
}

/// <summary>One page of a table.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, long Total, Paging Paging)
{
    /// <summary>Pages in all (at least 1).</summary>
    public long Pages => Math.Max(1, (Total + Paging.Size - 1) / Paging.Size);
}
