using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The tables that were not sortable (issue 16, usability: "tables sortable and paged on the server"), each sorted both
/// ways over the real serve and its order read back from the page: the dashboard's Recent Calls, the Transactions'
/// totals (the Billing Summary's table, the same <c>ServiceTotals</c> columns), the operator's tariff preview (over the
/// whole upload, beside the scheduled tariffs' own sort), Abbreviated Dialing and the API routes (the Volume Discounts'
/// tables: <see cref="DiscountTablesSortTests"/>); their headers carry <c>aria-sort</c>, and a column they do not have is a 400 with the reason.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MoreSortableTablesTests(PortalServer server)
{
    [Fact]
    public async Task TheDashboardsRecentCalls_SortByDurationBothWays()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var up = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer?sort=duration&dir=asc"), 7).Select(Seconds).ToList();
        var down = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer?sort=duration&dir=desc"), 7).Select(Seconds).ToList();
        Assert.Equal(5, up.Count);
        Assert.Equal(up.Order(), up);
        Assert.Equal(down.OrderDescending(), down);
        Assert.Equal(up.Order(), down.Order()); // the same five calls, in the other order
        var page = await qc.Http.GetStringAsync("/customer?sort=duration&dir=desc");
        Assert.Matches("<th class=\"num\" aria-sort=\"descending\"><a href=\"/customer\\?sort=duration&amp;dir=asc\">Duration ▼</a></th>", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await qc.Http.GetAsync("/customer?sort=password")).StatusCode);
    }

    [Fact]
    public async Task TheTransactionTotals_SortByAmountBothWays_KeepingTheDatesAndTheDetailsSort()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        const string Range = "/customer/transactions?from=2026-09-01&to=2026-12-31";
        var up = HtmlTable.Cells(await qc.Http.GetStringAsync(Range + "&totals_sort=amount&totals_dir=asc"), 4).Select(Amount).ToList();
        var down = HtmlTable.Cells(await qc.Http.GetStringAsync(Range + "&totals_sort=amount&totals_dir=desc"), 4).Select(Amount).ToList();
        Assert.True(up.Count >= 3, $"the demo's customer has calls, subscriptions and payments: {up.Count} services");
        Assert.Equal(up.Order(), up);
        Assert.Equal(down.OrderDescending(), down);

        // The totals' header keeps the dates and the details' own sort; the details' header keeps the totals' sort.
        var page = await qc.Http.GetStringAsync(Range + "&sort=amount&dir=desc&totals_sort=amount&totals_dir=asc");
        var totalsLink = WebUtility.HtmlDecode(HtmlTable.HeaderLinks(page).First(l => l.Contains("totals_sort=service", StringComparison.Ordinal)));
        foreach (var key in new[] { "from=2026-09-01", "to=2026-12-31", "sort=amount", "dir=desc" })
        {
            Assert.Contains(key, totalsLink, StringComparison.Ordinal);
        }

        Assert.Equal(2, Regex.Matches(page, "aria-sort=").Count); // one sorted column in each table

        // The Billing Summary's table is the same columns: its sort is read (a column it lacks is refused).
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync("/customer/billing?sort=amount&dir=desc")).StatusCode);
        var refused = await qc.Http.GetAsync("/customer/billing?sort=quantityx");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sort by one of service, transactions, quantity, amount", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTariffPreview_SortsTheWholeUploadByRateBothWays_AndPages()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        var csv = new StringBuilder("prefix,destination,rate,connect_fee,first_increment,next_increment\n");
        for (var i = 0; i < 60; i++)
        {
            // 60 rows, rates in no order (i * 37 mod 60): more than a page of 50.
            csv.Append(CultureInfo.InvariantCulture, $"44{i:D2},Test {i:D2},{i * 37 % 60 / 100m:0.0000},0,60,60\n");
        }

        var token = await op.FormTokenAsync("/operator/tariffs");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "sort-preview.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var uploaded = await op.Http.PostAsync("/operator/tariffs?handler=Upload", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var preview = uploaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/operator/tariffs?preview=", preview, StringComparison.Ordinal);

        var first = await op.Http.GetStringAsync(preview);
        Assert.Contains("<p id=\"preview-summary\">60 prefixes, valid.</p>", first, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(0, 50).Select(i => $"44{i:D2}")], HtmlTable.Cells(first, 1)); // the file's order, page 1

        var up = HtmlTable.Cells(await op.Http.GetStringAsync(preview + "&preview_sort=rate&preview_dir=asc&preview_size=100"), 3).Select(Amount).ToList();
        var down = HtmlTable.Cells(await op.Http.GetStringAsync(preview + "&preview_sort=rate&preview_dir=desc&preview_size=100"), 3).Select(Amount).ToList();
        Assert.Equal(60, up.Count);
        Assert.Equal(up.Order(), up);
        Assert.Equal(down.OrderDescending(), down);
        Assert.Equal(0.59m, down[0]);

        // Page 2 of a descending sort by prefix, its header link keeping the upload.
        var page2 = await op.Http.GetStringAsync(preview + "&preview_sort=prefix&preview_dir=desc&preview_page=2");
        Assert.Equal([.. Enumerable.Range(0, 10).Reverse().Select(i => $"44{i:D2}")], HtmlTable.Cells(page2, 1));
        Assert.Contains("preview=", WebUtility.HtmlDecode(HtmlTable.HeaderLinks(page2).First()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.Http.GetAsync(preview + "&preview_sort=password")).StatusCode);
    }

    [Fact]
    public async Task AbbreviatedDialing_AndTheApiRoutes_SortBothWays()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var codesUp = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer/abbreviated-dialing?sort=code&dir=asc"), 1);
        var codesDown = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer/abbreviated-dialing?sort=code&dir=desc"), 1);
        Assert.True(codesUp.Count >= 2, $"the demo's abbreviated numbers: {codesUp.Count}");
        Assert.Equal(codesUp.Order(StringComparer.OrdinalIgnoreCase), codesUp);
        Assert.Equal(codesUp.AsEnumerable().Reverse(), codesDown);
        var dials = HtmlTable.Cells(await qc.Http.GetStringAsync("/customer/abbreviated-dialing?sort=dial&dir=desc"), 2);
        Assert.Equal(dials.OrderDescending(StringComparer.OrdinalIgnoreCase), dials);

        var methodsDown = HtmlTable.Cells(await qc.Http.GetStringAsync("/api/docs?sort=method&dir=desc"), 1);
        var pathsUp = HtmlTable.Cells(await qc.Http.GetStringAsync("/api/docs?sort=path&dir=asc"), 2);
        Assert.Equal(methodsDown.OrderDescending(StringComparer.OrdinalIgnoreCase), methodsDown);
        Assert.Contains("POST", methodsDown);
        var current = pathsUp.TakeWhile(p => p.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.Equal(current.Order(StringComparer.OrdinalIgnoreCase), current);
        Assert.True(current.Count > 10 && pathsUp.Skip(current.Count).All(p => p.StartsWith("/v1/", StringComparison.Ordinal)), "the deprecated paths after the current ones");
    }

    // "m:ss" or "h:mm:ss" as seconds.
    private static int Seconds(string duration) => duration.Split(':').Aggregate(0, (s, part) => (s * 60) + int.Parse(part, CultureInfo.InvariantCulture));

    // "1,234.567 CAD" or "0.0600" as a number.
    private static decimal Amount(string text) => decimal.Parse(Regex.Replace(text, "[^0-9.-]", string.Empty), CultureInfo.InvariantCulture);
}
