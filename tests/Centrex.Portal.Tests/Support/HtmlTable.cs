using System.Net;
using System.Text.RegularExpressions;

namespace Centrex.Portal.Tests.Support;

/// <summary>A page's tables read back as text, for the tests that check how the server sorted them.</summary>
internal static partial class HtmlTable
{
    /// <summary>
    /// The text of cell <paramref name="column"/> (1-based) of each body row of the page's table number
    /// <paramref name="table"/> (0-based: the first <c>tbody</c> unless told), tags removed and entities decoded.
    /// </summary>
    public static List<string> Cells(string html, int column, int table = 0)
    {
        var bodies = Body().Matches(html);
        Assert.True(bodies.Count > table, $"the page has {bodies.Count} tables");
        return [.. Row().Matches(bodies[table].Groups[1].Value).Select(r => WebUtility.HtmlDecode(Tag().Replace(Cell().Matches(r.Value)[column - 1].Groups[1].Value, string.Empty)).Trim())];
    }

    /// <summary>The href of every sortable header (a link inside a <c>th</c>), in the page's order, as written (HTML-encoded).</summary>
    public static IEnumerable<string> HeaderLinks(string html) => Header().Matches(html).Select(m => m.Groups[1].Value);

    /// <summary>The href of the sortable header titled <paramref name="title"/> (its arrow, when sorted, after the title), as written.</summary>
    public static string HeaderLink(string html, string title) =>
        Regex.Match(html, "<th[^>]*><a href=\"([^\"]+)\">" + Regex.Escape(title) + "( [▲▼])?</a></th>") is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no header {title}");

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<th[^>]*><a href=\"([^\"]+)\">")]
    private static partial Regex Header();
}
