using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16, finding 2: the Transactions list's totals and pages come from SQL over the call-log index, not
/// from the whole period in memory, and are the same as before. The list the old implementation sorted is the CSV
/// download (the same transactions in the same order, streamed); each page of every column and direction is compared
/// with that list sorted as <c>TableSort</c> sorted it (nulls first, text ignoring case then by case, equal keys in the
/// list's order, descending the reverse), and the totals with its sums. A page sorted by a column no index holds stops
/// at row 10,000 with 400 naming <c>page</c> (finding 10).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TransactionPagesTests(PortalServer server)
{
    private const string Range = "from=2026-10-01&to=2026-11-30";

    private sealed record Row(string Date, string Service, string? Line, string Description, string? Reference, long? Invoice, long Quantity, long AmountMills);

    [Fact]
    public async Task EveryPage_OfEveryColumnAndDirection_IsTheOneTheWholeListSortedGives_AndTheTotalsItsSums()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);
        var whole = await Whole(qc);
        Assert.Contains(whole, r => r.Service == "calls");
        Assert.Contains(whole, r => r.Service != "calls");

        var first = await qc.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/transactions?{Range}&size=10");
        Assert.Equal(whole.Count, first.GetProperty("total").GetInt64());
        var expectedTotals = whole.GroupBy(r => r.Service).Select(g => (g.Key, (long)g.Count(), g.Sum(r => r.Quantity), g.Sum(r => r.AmountMills))).OrderBy(t => t.Key, StringComparer.Ordinal);
        var totals = first.GetProperty("totals").EnumerateArray()
            .Select(t => (t.GetProperty("service").GetString()!, t.GetProperty("transactions").GetInt64(), t.GetProperty("quantity").GetInt64(), t.GetProperty("amount_mills").GetInt64()))
            .OrderBy(t => t.Item1, StringComparer.Ordinal);
        Assert.Equal(expectedTotals, totals);

        var keys = new Dictionary<string, Func<Row, object?>>(StringComparer.Ordinal)
        {
            ["date"] = r => r.Date, ["service"] = r => r.Service, ["line"] = r => r.Line, ["description"] = r => r.Description,
            ["invoice"] = r => r.Invoice, ["amount"] = r => r.AmountMills,
        };
        foreach (var (column, key) in keys)
        {
            foreach (var descending in new[] { false, true })
            {
                var sorted = Sorted(whole, key, descending);
                var dir = descending ? "desc" : "asc";
                var pages = (sorted.Count + 9) / 10;
                foreach (var page in new[] { 1, 2, pages / 2, pages - 1, pages }.Where(p => p >= 1).Distinct())
                {
                    var shown = await Page(qc, $"sort={column}&dir={dir}&page={page}&size=10");
                    Assert.True(sorted.Skip((page - 1) * 10).Take(10).SequenceEqual(shown), $"{column} {dir} page {page} of 10");
                }

                Assert.True(sorted.Take(500).SequenceEqual(await Page(qc, $"sort={column}&dir={dir}&size=500")), $"{column} {dir}, 500 a page");
            }
        }

        // The page shows the same first rows.
        var html = await qc.Http.GetStringAsync($"/customer/transactions?{Range}&sort=amount&dir=desc&size=10");
        Assert.Contains(WebUtility.HtmlEncode(Sorted(whole, keys["amount"], true)[0].Description), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageSortedByAColumnNoIndexHolds_StopsAtRow10000_WithTheReasonOnPage()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        using var deep = await qc.Http.GetAsync($"/api/v1/me/transactions?{Range}&sort=amount&page=201&size=50");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        var error = await deep.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("page", error.GetProperty("field").GetString());
        Assert.Contains("row 10,000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync($"/api/v1/me/transactions?{Range}&sort=amount&page=200&size=50")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync($"/api/v1/me/transactions?{Range}&sort=date&page=5000&size=50")).StatusCode); // the index's order: any page
        Assert.Equal(HttpStatusCode.BadRequest, (await qc.Http.GetAsync("/api/v1/me/calls?sort=destination&dir=desc&page=5000&size=100")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync("/api/v1/me/calls?sort=start&page=5000&size=100")).StatusCode);
    }

    // The old implementation's sort (TableSort): nulls first, text ignoring case then by case, ties in the list's order;
    // descending reverses the whole.
    private static List<Row> Sorted(List<Row> rows, Func<Row, object?> key, bool descending)
    {
        var sorted = rows.Select((r, i) => (r, i)).Order(Comparer<(Row r, int i)>.Create((a, b) =>
        {
            var c = Compare(key(a.r), key(b.r));
            return c != 0 ? c : a.i.CompareTo(b.i);
        })).Select(x => x.r).ToList();
        if (descending)
        {
            sorted.Reverse();
        }

        return sorted;
    }

    private static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => StringComparer.OrdinalIgnoreCase.Compare(x, y) is var c && c != 0 ? c : string.CompareOrdinal(x, y),
        _ => System.Collections.Comparer.Default.Compare(a, b),
    };

    // Every transaction of the range in the list's own order: the CSV download.
    private static async Task<List<Row>> Whole(PortalClient client)
    {
        var csv = await client.Http.GetStringAsync($"/api/v1/me/transactions.csv?{Range}");
        var rows = new List<Row>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var f = CsvFields.Of(line);
            rows.Add(new Row(f[0], f[1], f[2].Length == 0 ? null : f[2], f[3], f[4].Length == 0 ? null : f[4], f[5].Length == 0 ? null : long.Parse(f[5], CultureInfo.InvariantCulture),
                long.Parse(f[6], CultureInfo.InvariantCulture), (long)(decimal.Parse(f[8], CultureInfo.InvariantCulture) * 1000)));
        }

        return rows;
    }

    private static async Task<List<Row>> Page(PortalClient client, string query)
    {
        var page = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/transactions?{Range}&{query}");
        return [.. page.GetProperty("transactions").EnumerateArray().Select(t => new Row(
            t.GetProperty("date").GetString()!, t.GetProperty("service").GetString()!, t.GetProperty("line").GetString(), t.GetProperty("description").GetString()!,
            t.GetProperty("reference").GetString(), t.GetProperty("invoice").ValueKind == JsonValueKind.Null ? null : t.GetProperty("invoice").GetInt64(),
            t.GetProperty("quantity").GetInt64(), t.GetProperty("amount_mills").GetInt64()))];
    }
}
