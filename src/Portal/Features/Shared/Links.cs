using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Centrex.Portal.Features.Shared;

/// <summary>Links that keep the current filters, sort and page in the URL, changing only what is given.</summary>
public static class Links
{
    /// <summary>The current URL with <paramref name="changes"/> applied (a null value removes the key).</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // A page shown after a form's post (e.g. ?handler=Delete) links to the page itself: no page has a GET handler.
        query.Remove("handler");
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                query.Remove(key);
            }
            else
            {
                query[key] = value;
            }
        }

        return QueryHelpers.AddQueryString(request.Path, query.Where(q => q.Value.Length > 0).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
    }

    /// <summary>
    /// The link of a sortable column header: sorts by it (ascending first), or flips the direction when it is the sort
    /// already; back to the first page, every other key (the filters, another table's sort) kept.
    /// </summary>
    public static string Sort(HttpRequest request, Paging paging, string column)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var descending = paging.Sort == column && !paging.Descending;
        return With(request, (paging.SortKey, column), (paging.DirKey, descending ? "desc" : "asc"), (paging.PageKey, null));
    }

    /// <summary>The link to page <paramref name="page"/> of the table of <paramref name="paging"/>.</summary>
    public static string Page(HttpRequest request, Paging paging, long page)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return With(request, (paging.PageKey, page.ToString(CultureInfo.InvariantCulture)));
    }
}
