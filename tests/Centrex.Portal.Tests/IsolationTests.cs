using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Isolation, the first security property (issue 16): a customer's session tries every customer-scoped page and API
/// route with another customer's ids (invoices, their files, lines in the call filters, the xDR report's lines) and gets
/// 404 (or a refusal naming the field), never the other customer's data; customers and operators stay out of each
/// other's pages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class IsolationTests(PortalServer server)
{
    [Fact]
    public async Task AnotherCustomersInvoice_Is404_OnEveryInvoiceRoute_AndNeverListed()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        using var us = await Sessions.SignedIn(server, "cust-us");
        var own = await Numbers(qc);
        var others = await Numbers(us);
        Assert.NotEmpty(own);
        Assert.NotEmpty(others);
        Assert.Empty(own.Intersect(others));

        foreach (var number in others)
        {
            foreach (var path in new[] { $"/api/v1/me/invoices/{number}", $"/api/v1/me/invoices/{number}/pdf", $"/api/v1/me/invoices/{number}/csv" })
            {
                var response = await qc.Http.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
                Assert.Equal("{\"error\":\"not-found\",\"message\":\"no such invoice\",\"field\":null}", await response.Content.ReadAsStringAsync());
            }

            var search = await qc.Http.GetStringAsync($"/api/v1/me/invoices?number={number}");
            Assert.Equal("[]", search);
            var page = await qc.Http.GetStringAsync($"/customer/invoices?number={number}");
            Assert.Contains("No invoices match", page, StringComparison.Ordinal);
        }

        // The customer's own invoice does download: the 404s above are isolation, not a broken route.
        var mine = await qc.Http.GetAsync($"/api/v1/me/invoices/{own[0]}/pdf");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnotherCustomersLine_IsRefusedAsAFilter_NotSearched()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        // ACC-1005 is CUST-AB's line in the demo (with calls of its own).
        var api = await qc.Http.GetAsync("/api/v1/me/calls?line=ACC-1005");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var error = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("line", error.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await qc.Http.GetAsync("/api/v1/me/calls.csv?line=ACC-1005")).StatusCode);
        var page = await qc.Http.GetStringAsync("/customer/calls?line=ACC-1005");
        Assert.Contains("not one of your lines", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ACC-1005</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallLogAndTheXdrReport_HoldOnlyTheCustomersOwnLines()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var csv = await qc.Http.GetStringAsync("/api/v1/me/calls.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')[1]).Distinct().ToList();
        Assert.Equal(["ACC-1001"], lines);
        var xdr = await qc.Http.GetStringAsync("/api/v1/me/reports/xdr?from=2026-10-01&to=2026-10-31&format=csv");
        var accounts = xdr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split(',')[1]).Distinct().ToList();
        Assert.Equal(["ACC-1001"], accounts);
    }

    [Theory]
    [InlineData("cust-qc", "/operator")]
    [InlineData("cust-qc", "/operator/tariffs")]
    [InlineData("operator", "/customer")]
    [InlineData("operator", "/customer/invoices")]
    [InlineData("operator", "/api/v1/me/invoices")]
    [InlineData("operator", "/customer/discounts")]
    [InlineData("operator", "/api/v1/me/discounts")]
    public async Task ARole_IsForbiddenTheOtherRolesPages(string login, string path)
    {
        using var client = await Sessions.SignedIn(server, login);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(path)).StatusCode);
    }

    private static async Task<List<long>> Numbers(PortalClient client)
    {
        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices?void=true");
        return [.. list.EnumerateArray().Select(i => i.GetProperty("number").GetInt64())];
    }
}
