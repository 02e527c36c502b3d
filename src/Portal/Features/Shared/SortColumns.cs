using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// The whitelist of a table's sortable columns and how <c>sort</c>, <c>dir</c>, <c>page</c> and <c>size</c> are read
/// from the URL: shared by <see cref="TableSort{T}"/> (lists sorted in memory) and <see cref="SqlSort"/> (the call log's
/// SQL). A column that is not in the list is refused (<see cref="SortRefusedException"/>, answered 400 with the
/// reason) and never reaches a query; so is a page or size out of <see cref="PageNumbers"/>' range.
/// </summary>
public abstract class SortColumns(string defaultColumn, bool defaultDescending, string prefix)
{
    /// <summary>The column names the table sorts by, in its order.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>
    /// The deepest row a page may reach when sorted by a column not in <see cref="IndexedColumns"/>, or null for no
    /// limit. A page sorted in SQL by a column no index holds sorts every row of the filter, keeping the rows up to the
    /// page's last (review of issue 16, finding 10: page 5,000 of 100 by destination, 12 s on a million calls); deeper
    /// pages are refused with 400 naming <c>page</c>, and the filters or the CSV download say how to reach the rows.
    /// </summary>
    public int? DeepestRow { get; init; }

    /// <summary>The columns an index reads in order (any page is cheap), exempt from <see cref="DeepestRow"/>.</summary>
    public IReadOnlyList<string> IndexedColumns { get; init; } = [];

    /// <summary>Reads the table's sorting and paging from <paramref name="query"/>; throws <see cref="SortRefusedException"/> on a bad column or direction.</summary>
    public Paging Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = PageNumbers.Read(query, prefix + "page", PageNumbers.MinPage, PageNumbers.MaxPage, 1);
        var size = PageNumbers.Read(query, prefix + "size", PageNumbers.MinSize, PageNumbers.MaxSize, Paging.DefaultSize);
        var sort = query[prefix + "sort"].ToString();
        if (sort.Length == 0)
        {
            sort = defaultColumn;
        }
        else if (!Names.Contains(sort, StringComparer.Ordinal))
        {
            throw new SortRefusedException(prefix + "sort",
                $"'{Clip(sort)}' is not a sortable column of this table: sort by one of {string.Join(", ", Names)}");
        }

        var descending = query[prefix + "dir"].ToString() switch
        {
            "" => sort == defaultColumn ? defaultDescending : false,
            "asc" => false,
            "desc" => true,
            var other => throw new SortRefusedException(prefix + "dir", $"'{Clip(other)}' is not a sort direction: asc or desc"),
        };
        var deepest = DeepestRow is { } rows && !IndexedColumns.Contains(sort, StringComparer.Ordinal) ? rows : (int?)null;
        if (deepest is { } limit && (long)page * size > limit)
        {
            throw new SortRefusedException(prefix + "page", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"page {page:N0} of {size:N0} rows goes past row {limit:N0}, the deepest sorted by {sort}: narrow the filters, sort by {IndexedColumns[0]}, or download the CSV"));
        }

        return new Paging(page, size, sort, descending, prefix) { Deepest = deepest };
    }

    // A refused value is echoed in the reason, so it is kept short (the reason is plain text or JSON, never HTML).
    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
