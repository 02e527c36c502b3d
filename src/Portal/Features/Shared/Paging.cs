using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// Sorting and paging on the server, carried in the URL (issue 16, usability: "tables sortable and paged on the server,
/// filters kept in the URL"): <c>?sort=date&amp;desc=true&amp;page=2&amp;size=50</c>.
/// </summary>
/// <param name="Page">1-based page.</param>
/// <param name="Size">Rows a page (10 to 500).</param>
/// <param name="Sort">The column to sort by (the table's own names), or null for its default.</param>
/// <param name="Descending">Whether descending.</param>
public sealed record Paging(int Page, int Size, string? Sort, bool Descending)
{
    /// <summary>Rows a page when the URL says nothing.</summary>
    public const int DefaultSize = 50;

    /// <summary>Reads the paging of <paramref name="query"/>, bounded.</summary>
    public static Paging From(IQueryCollection query, string defaultSort, bool defaultDescending)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = int.TryParse(query["page"], out var p) ? Math.Clamp(p, 1, 1_000_000) : 1;
        var size = int.TryParse(query["size"], out var s) ? Math.Clamp(s, 10, 500) : DefaultSize;
        var sort = query["sort"].ToString() is { Length: > 0 and <= 32 } given ? given : defaultSort;
        var desc = query["desc"].ToString() is { Length: > 0 } d ? d == "true" : defaultDescending;
        return new Paging(page, size, sort, desc);
    }

    /// <summary>Rows to skip.</summary>
    public int Skip => (Page - 1) * Size;

    /// <summary>The page of <paramref name="rows"/> (already sorted).</summary>
    public Paged<T> Of<T>(IReadOnlyList<T> rows) => new([.. rows.Skip(Skip).Take(Size)], rows.Count, this);
}

/// <summary>One page of a table.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, long Total, Paging Paging)
{
    /// <summary>Pages in all (at least 1).</summary>
    public long Pages => Math.Max(1, (Total + Paging.Size - 1) / Paging.Size);
}
