using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Tables sorted on the server (issue 16, usability: "tables sortable and paged on the server, filters kept in the URL"):
/// a few representative tables of the real serve sorted both ways, their order read back; the header links keep the
/// filters; a column a table does not have is a 400 with the reason (page and API), never a query.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class TableSortTests(PortalServer server)
{
    [Fact]
    public async Task CallLogs_SortByDurationAndCharge_BothWays_InTheApiAndThePage()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var up = await Seconds(qc, "/api/v1/me/calls?size=200&sort=duration&dir=asc");
        var down = await Seconds(qc, "/api/v1/me/calls?size=200&sort=duration&dir=desc");
        Assert.True(up.Count > 10 && up.Distinct().Count() > 3, $"too few distinct durations to test a sort: {up.Count}");
        Assert.Equal(up.Order(), up);
        Assert.Equal(down.OrderDescending(), down);
        Assert.True(down[0] >= up[^1], "the longest call comes first when descending");

        // The page: the first row of each direction, and aria-sort on the sorted header only.
        var ascending = await qc.Http.GetStringAsync("/customer/calls?sort=charge&dir=asc&size=10");
        var descending = await qc.Http.GetStringAsync("/customer/calls?sort=charge&dir=desc&size=10");
        Assert.Single(AriaSort().Matches(ascending));
        Assert.Matches("<th class=\"num\" aria-sort=\"ascending\"><a href=\"[^\"]*sort=charge&amp;dir=desc[^\"]*\"", ascending);
        Assert.Matches("<th class=\"num\" aria-sort=\"descending\"><a href=\"[^\"]*sort=charge&amp;dir=asc[^\"]*\"", descending);
        var charges = await Charges(qc, "/api/v1/me/calls?size=500&sort=charge&dir=desc");
        Assert.Equal(charges.OrderDescending(), charges);
    }

    [Fact]
    public async Task TheFilters_SurviveASortClick_AndAPageLink()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var html = await qc.Http.GetStringAsync("/customer/calls?direction=outgoing&line=ACC-1001&size=10");
        var link = WebUtility.HtmlDecode(HtmlTable.HeaderLink(html, "Duration"));
        Assert.Contains("direction=outgoing", link, StringComparison.Ordinal);
        Assert.Contains("line=ACC-1001", link, StringComparison.Ordinal);
        Assert.Contains("sort=duration", link, StringComparison.Ordinal);
        Assert.Contains("dir=asc", link, StringComparison.Ordinal);

        // Following the header link (what a click does) sorts, and its pager's next link keeps both filter and sort.
        var sorted = await qc.Http.GetStringAsync(link);
        Assert.Contains("aria-sort=\"ascending\"><a", sorted, StringComparison.Ordinal);
        Assert.Contains("<option value=\"outgoing\" selected=\"selected\">", sorted, StringComparison.Ordinal);
        var next = WebUtility.HtmlDecode(NextLink().Match(sorted).Groups[1].Value);
        foreach (var key in new[] { "direction=outgoing", "line=ACC-1001", "sort=duration", "dir=asc", "page=2" })
        {
            Assert.Contains(key, next, StringComparison.Ordinal);
        }

        var page2 = await Seconds(qc, "/api/v1/me/calls?direction=outgoing&line=ACC-1001&size=10&sort=duration&dir=asc&page=2");
        var page1 = await Seconds(qc, "/api/v1/me/calls?direction=outgoing&line=ACC-1001&size=10&sort=duration&dir=asc");
        Assert.True(page1.Max() <= page2.Min(), "page 2 of an ascending sort starts where page 1 ends");
    }

    [Fact]
    public async Task Invoices_AndTheOperatorsCustomers_SortBothWays()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var byAmountUp = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer/invoices?sort=amount&dir=asc&void=true"), 6);
        var byAmountDown = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer/invoices?sort=amount&dir=desc&void=true"), 6);
        Assert.True(byAmountUp.Count >= 2, "the demo bills two months");
        var amounts = byAmountUp.Select(Money).ToList();
        Assert.Equal(amounts.Order(), amounts);
        Assert.Equal(byAmountDown.Select(Money).OrderDescending(), byAmountDown.Select(Money));

        using var op = await Sessions.SignedIn(server, "operator");
        var up = CustomerIds(await op.Http.GetStringAsync("/operator?sort=company&dir=asc"));
        var down = CustomerIds(await op.Http.GetStringAsync("/operator?sort=company&dir=desc"));
        Assert.True(up.Count >= 6);
        Assert.Equal(up.AsEnumerable().Reverse(), down);
        var companies = HtmlTable.Cells(await op.Http.GetStringAsync("/operator?sort=company&dir=asc"), 2);
        Assert.Equal(companies.Order(StringComparer.OrdinalIgnoreCase), companies);

        // A search is kept by the header links.
        var search = await op.Http.GetStringAsync("/operator?q=inc");
        Assert.Contains("q=inc", WebUtility.HtmlDecode(HtmlTable.HeaderLink(search, "Time zone")), StringComparison.Ordinal);

        // The operator's logins, both ways.
        var logins = HtmlTable.Cells(await op.Http.GetStringAsync("/operator/logins?sort=login&dir=desc"), 1);
        Assert.Equal(logins.OrderDescending(StringComparer.OrdinalIgnoreCase), logins);
    }

    [Theory]
    [InlineData("/customer/calls?sort=start_ms;DROP%20TABLE%20calls", "sort")]
    [InlineData("/customer/invoices?sort=password", "sort")]
    [InlineData("/customer/lines?sort=id&dir=sideways", "dir")]
    [InlineData("/api/v1/me/calls?sort=rowid", "sort")]
    public async Task AColumnTheTableDoesNotHave_IsA400WithTheReason(string path, string field)
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var response = await qc.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            var error = JsonDocument.Parse(body).RootElement;
            Assert.Equal(field, error.GetProperty("field").GetString());
            Assert.Contains("is not a sortable column of this table: sort by one of start, line, from, to", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(field == "dir" ? "is not a sort direction: asc or desc" : "is not a sortable column of this table: sort by one of", body, StringComparison.Ordinal);
        }

        // The call log still answers (nothing reached its SQL).
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync("/customer/calls")).StatusCode);
    }

    private static async Task<List<long>> Seconds(PortalClient client, string path) =>
        [.. (await client.Http.GetFromJsonAsync<JsonElement>(path)).GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("seconds").GetInt64())];

    private static async Task<List<long>> Charges(PortalClient client, string path) =>
        [.. (await client.Http.GetFromJsonAsync<JsonElement>(path)).GetProperty("calls").EnumerateArray()
            .Select(c => c.GetProperty("charge_mills") is { ValueKind: JsonValueKind.Number } m ? m.GetInt64() : long.MinValue)];

    private static long Money(string text) => long.Parse(Regex.Replace(text, "[^0-9-]", string.Empty), System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> CustomerIds(string html) => [.. CustomerLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("aria-sort=")]
    private static partial Regex AriaSort();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex NextLink();




    [GeneratedRegex("/operator/customers/edit\\?id=([^\"]+)\"")]
    private static partial Regex CustomerLink();
}
