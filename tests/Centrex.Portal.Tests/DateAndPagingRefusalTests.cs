using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Query values the review found answered 500 or quietly replaced (review 16, items 4 and 12): a date range ending at
/// 9999-12-31 in every date filter, and a page or size that is not a whole number in range, are 400 naming the key,
/// on the API and the pages alike.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DateAndPagingRefusalTests(PortalServer server)
{
    private const string PastTheLastDate = "is past the last date taken, 9998-12-31";
    private const string NotAPage = "a whole number from 1 to 1,000,000";
    private const string NotASize = "a whole number from 10 to 500";

    /// <summary>An API query the server refuses: its path, the key the 400 names, and what its message says.</summary>
    public static TheoryData<string, string, string> ApiRefusals => new()
    {
        // A date range ending at (or starting on) 9999-12-31, in every date filter.
        { "/api/v1/me/calls?from=2026-01-01&to=9999-12-31", "to", PastTheLastDate },
        { "/api/v1/me/calls.csv?from=2026-01-01&to=9999-12-31", "to", PastTheLastDate },
        { "/api/v1/me/transactions?from=9999-12-30&to=9999-12-31", "from", PastTheLastDate },
        { "/api/v1/me/transactions.csv?from=2026-01-01&to=9999-12-31", "to", PastTheLastDate },
        { "/api/v1/me/reports/xdr?from=9999-12-31&to=9999-12-31&format=pdf", "from", PastTheLastDate },
        { "/api/v1/me/invoices?from=2026-01-01&to=9999-12-31", "to", PastTheLastDate },

        // A page or size that is not a whole number in range.
        { "/api/v1/me/calls?page=-1", "page", NotAPage },
        { "/api/v1/me/calls?page=0", "page", NotAPage },
        { "/api/v1/me/calls?page=999999999999", "page", NotAPage },
        { "/api/v1/me/calls?page=2.5", "page", NotAPage },
        { "/api/v1/me/calls?size=-5", "size", NotASize },
        { "/api/v1/me/calls?size=abc", "size", NotASize },
        { "/api/v1/me/calls?size=100000", "size", NotASize },
        { "/api/v1/me/calls?size=501", "size", NotASize },
        { "/api/v1/me/transactions?size=0", "size", NotASize },
    };

    [Theory]
    [MemberData(nameof(ApiRefusals))]
    public async Task ADateOrPageOutOfRange_Is400NamingTheField_OnTheApi(string path, string field, string reason)
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        using var answer = await qc.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/customer/calls?from=2026-01-01&to=9999-12-31")]
    [InlineData("/customer/transactions?from=2026-01-01&to=9999-12-31")]
    [InlineData("/customer/invoices?from=2026-01-01&to=9999-12-31")]
    [InlineData("/customer/reports?download=1&from=2026-01-01&to=9999-12-31&format=pdf")]
    public async Task ThePages_ShowTheRefusalBesideTheField(string path)
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        using var answer = await qc.Http.GetAsync(path);

        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}: {answer.StatusCode}");
        Assert.Contains("&#x27;9999-12-31&#x27; " + PastTheLastDate, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/customer/calls?page=-1", "page")]
    [InlineData("/customer/calls?size=abc", "size")]
    [InlineData("/customer/calls?size=0", "size")]
    [InlineData("/operator/logins?size=100000", "size")]
    public async Task APageOrSizeOutOfRange_Is400_OnThePages(string path, string field)
    {
        using var client = await Sessions.SignedIn(server, path.StartsWith("/operator", StringComparison.Ordinal) ? "operator" : "cust-qc");

        using var answer = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"is not a page {(field == "size" ? "size" : "number")}", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLargestPage_IsServed_AndTheOperatorsCustomerList_RefusesLikewise()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var page = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=500&page=1000000");
        Assert.Equal(500, page.GetProperty("size").GetInt32());
        Assert.Equal(0, page.GetProperty("calls").GetArrayLength());

        using var ops = await Sessions.SignedIn(server, "operator");
        Assert.Equal(HttpStatusCode.OK, (await ops.Http.GetAsync("/api/v1/operator/customers?size=1")).StatusCode);
        using var refused = await ops.Http.GetAsync("/api/v1/operator/customers?size=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("size", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }
}
