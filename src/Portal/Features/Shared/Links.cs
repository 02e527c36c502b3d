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

    /// <summary>The link of a sortable column header: sorts by it, or flips the direction when it is the sort already.</summary>
    public static string Sort(HttpRequest request, Paging paging, string column) =>
        With(request, ("sort", column), ("desc", paging.Sort == column ? (!paging.Descending).ToString().ToLowerInvariant() : "false"), ("page", null));

    /// <summary>The link to page <paramref name="page"/>.</summary>
    public static string Page(HttpRequest request, long page) => With(request, ("page", page.ToString(CultureInfo.InvariantCulture)));
}
