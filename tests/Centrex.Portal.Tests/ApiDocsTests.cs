using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>The OpenAPI document and the docs page (issue 16): generated from the routes, behind a login like everything else.</summary>
[Collection(PortalCollection.Name)]
public sealed class ApiDocsTests(PortalServer server)
{
    [Fact]
    public async Task TheOpenApiDocument_ListsTheRoutes_AndMarksNothingPublic()
    {
        using var anonymous = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/api/v1/openapi.json")).StatusCode);

        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var document = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me/invoices", paths);
        Assert.Contains("/api/v1/me/invoices/{number}/pdf", paths);
        Assert.Contains("/api/v1/me/lines/{id}/forwarding", paths);
        Assert.Contains("/api/v1/cdr-batches", paths);
        Assert.Contains("/v1/cdr-batches", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/customer", StringComparison.Ordinal));

        // The old paths are deprecated in the document itself (review 16, item 6), their successors are not.
        var pathItems = document.GetProperty("paths");
        Assert.True(pathItems.GetProperty("/v1/cdr-batches").GetProperty("post").GetProperty("deprecated").GetBoolean());
        Assert.True(pathItems.GetProperty("/v1/accounts/{account}/balance").GetProperty("get").GetProperty("deprecated").GetBoolean());
        Assert.False(pathItems.GetProperty("/api/v1/cdr-batches").GetProperty("post").TryGetProperty("deprecated", out var current) && current.GetBoolean());

        // The login's body is documented though the route reads it itself (to answer 415 for another content type).
        Assert.True(pathItems.GetProperty("/api/v1/session").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));

        var page = await qc.Http.GetStringAsync("/api/docs");
        Assert.Contains("/api/v1/me/reports/xdr", page, StringComparison.Ordinal);
        Assert.Contains("(deprecated)", page, StringComparison.Ordinal);
    }
}
