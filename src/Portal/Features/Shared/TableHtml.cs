using System.Text.Encodings.Web;
using Centrex.Portal.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Centrex.Portal.Features.Shared;

/// <summary>The sortable column headers and the pager of the portal's tables.</summary>
public static class TableHtml
{
    /// <summary>
    /// A column header that sorts by <paramref name="column"/> (one of the table's <see cref="SortColumns"/>): a link
    /// that keeps the filters in the URL, <c>aria-sort</c> on the sorted one so a screen reader says how it is sorted.
    /// </summary>
    public static IHtmlContent SortHeader(this IHtmlHelper html, Paging paging, string column, string title, bool numeric = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(paging);
        var sorted = paging.Sort == column;
        var aria = sorted ? $" aria-sort=\"{(paging.Descending ? "descending" : "ascending")}\"" : string.Empty;
        var arrow = sorted ? (paging.Descending ? " ▼" : " ▲") : string.Empty;
        var href = HtmlEncoder.Default.Encode(Links.Sort(html.ViewContext.HttpContext.Request, paging, column));
        var text = HtmlEncoder.Default.Encode(Translation.Of(html.ViewContext.HttpContext, title));
        return new HtmlString($"<th{(numeric ? " class=\"num\"" : string.Empty)}{aria}><a href=\"{href}\">{text}{arrow}</a></th>");
    }

    /// <summary>First, previous, "Page N of M", next, last.</summary>
    public static IHtmlContent Pager<T>(this IHtmlHelper html, Paged<T> page)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(page);
        var request = html.ViewContext.HttpContext.Request;
        var current = page.Paging.Page;
        string Link(long to, string text, string? rel = null) =>
            $"<a href=\"{HtmlEncoder.Default.Encode(Links.Page(request, page.Paging, to))}\"{(rel is null ? string.Empty : $" rel=\"{rel}\"")}>{HtmlEncoder.Default.Encode(Translation.Of(html.ViewContext.HttpContext, text))}</a>";
        var parts = new List<string>();
        if (current > 1)
        {
            parts.Add(Link(1, "First"));
            parts.Add(Link(current - 1, "Previous", "prev"));
        }

        var culture = PortalCultures.Current;
        parts.Add($"<span>{HtmlEncoder.Default.Encode(Translation.Of(html.ViewContext.HttpContext, "Page {0} of {1} · {2} rows",
            current.ToString("N0", culture), page.Pages.ToString("N0", culture), page.Total.ToString("N0", culture)))}</span>");
        var last = page.Paging.LastLinked(page.Pages);
        if (current < last)
        {
            parts.Add(Link(current + 1, "Next", "next"));
            parts.Add(Link(last, "Last"));
        }

        return new HtmlString($"<nav class=\"pager\" aria-label=\"{HtmlEncoder.Default.Encode(Translation.Of(html.ViewContext.HttpContext, "Pages"))}\">{string.Join(' ', parts)}</nav>");
    }
}
