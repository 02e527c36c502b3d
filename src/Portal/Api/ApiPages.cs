using System.Globalization;
using Centrex.Portal.Features.Shared;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Api;

/// <summary>
/// Paging of the API's lists that answer a JSON array (tickets, invoices): <c>page</c> and <c>size</c> as every table
/// reads them (<see cref="PageNumbers"/>: 10 to 500 rows, 50 when not given), the array one page of it, the whole count
/// in <c>X-Total-Count</c> and the neighbouring pages in <c>Link</c> (RFC 8288: <c>rel="next"</c>, <c>rel="prev"</c>), so a
/// client that read the array whole keeps working for lists of up to 50 and a long list is never answered at once
/// (review of issue 16, finding 9).
/// </summary>
public static class ApiPages
{
    /// <summary>The page and size the request asks for (400 naming the key when out of range, <see cref="SortRefusal"/>).</summary>
    public static (int Page, int Size) Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        return (PageNumbers.Read(query, "page", PageNumbers.MinPage, PageNumbers.MaxPage, 1),
            PageNumbers.Read(query, "size", PageNumbers.MinSize, PageNumbers.MaxSize, Paging.DefaultSize));
    }

    /// <summary>The page of <paramref name="rows"/> the request asks for, with its headers.</summary>
    public static IEnumerable<T> Of<T>(HttpContext context, IReadOnlyCollection<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (page, size) = Read(context);
        Headers(context, page, size, rows.Count);
        return rows.Skip((page - 1) * size).Take(size);
    }

    /// <summary>Sets <c>X-Total-Count</c> and <c>Link</c> for page <paramref name="page"/> of <paramref name="total"/> rows.</summary>
    public static void Headers(HttpContext context, int page, int size, long total)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var headers = context.Response.Headers;
        headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        string Url(long to)
        {
            var query = request.Query.Where(q => q.Key is not ("page" or "size"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append(string.Create(CultureInfo.InvariantCulture, $"page={to}&size={size}"));
            return $"<{request.PathBase}{request.Path}?{string.Join('&', query)}>";
        }

        var links = new List<string>();
        if ((long)page * size < total)
        {
            links.Add($"{Url(page + 1)}; rel=\"next\"");
        }

        if (page > 1)
        {
            links.Add($"{Url(page - 1)}; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            headers.Link = string.Join(", ", links);
        }
    }
}
