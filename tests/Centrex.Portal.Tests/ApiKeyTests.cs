using System.Net;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// API clients with keys (issue 16): the ingestion and balance routes under <c>/api/v1</c> enforce each key's scopes, and
/// their old <c>/v1</c> paths still answer for one release, marked deprecated with their successor.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApiKeyTests(PortalServer server)
{
    [Fact]
    public async Task AKeyWithoutTheScope_Is403_AndNoKey_Is401()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiKeys.PostBatch(http, "/api/v1/cdr-batches", null, "k-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.PostBatch(http, "/api/v1/cdr-batches", server.BalancesKey, "k-2")).StatusCode);

        var answer = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/accounts/ACC-1001/balance", server.BalancesKey);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Deprecation"));
    }

    [Fact]
    public async Task TheOldPaths_StillAnswer_MarkedDeprecatedWithTheirSuccessor()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await ApiKeys.Send(http, HttpMethod.Get, "/v1/accounts/ACC-1001/balance?period=2026-10", server.ApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDeprecated(response, "</api/v1/accounts/ACC-1001/balance?period=2026-10>; rel=\"successor-version\"");
    }

    [Fact]
    public async Task TheOldPaths_Refusals_AreMarkedDeprecatedToo()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var forbidden = await ApiKeys.PostBatch(http, "/v1/cdr-batches", server.BalancesKey, "k-old-1");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        AssertDeprecated(forbidden, "</api/v1/cdr-batches>; rel=\"successor-version\"");

        var noKey = await http.GetAsync("/v1/accounts/ACC-1001/balance");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        AssertDeprecated(noKey, "</api/v1/accounts/ACC-1001/balance>; rel=\"successor-version\"");
    }

    // RFC 9745 §2: "@" and the Unix time (2026-12-01T00:00:00Z, as the README says); RFC 8594: the sunset as an HTTP date.
    private static void AssertDeprecated(HttpResponseMessage response, string link)
    {
        Assert.Equal("@1796083200", response.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Tue, 01 Jun 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        Assert.Equal(link, response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task ASessionCookie_DoesNotOpenTheKeyRoutes()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        Assert.Equal(HttpStatusCode.Forbidden, (await qc.Http.GetAsync("/api/v1/accounts/ACC-1001/balance")).StatusCode);
    }
}
