using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Answers of the API that the review found wrong (review 16, items 14 and 16): reissuing an invoice that does not
/// exist is 404, a site that is not the customer's is 404 with a clean message, and <c>PUT /api/v1/me/profile</c>
/// changes only the fields it is given, as the README says.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApiAnswerFixesTests(PortalServer server)
{
    [Fact]
    public async Task ReissuingAnInvoiceThatDoesNotExist_Is404()
    {
        var key = await ApiKeys.Create(server, "billing:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var answer = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/invoices/987654/reissue", key, """{"reason":"typo"}""");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("not-found", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ASiteThatIsNotTheCustomers_Is404_WithACleanMessage()
    {
        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var answer = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/sites/Nowhere", key, """{"name":"Elsewhere"}""");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("no site Nowhere among your lines", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task AProfileChange_ChangesOnlyTheFieldsGiven()
    {
        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:read", "me:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var before = await Profile(http, key);

        using var contactOnly = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile", key, """{"contact":"Partial Change"}""");
        var after = await Profile(http, key);
        using var back = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile", key, JsonSerializer.Serialize(new { contact = before.GetProperty("contact").GetString() }));

        Assert.Equal(HttpStatusCode.NoContent, contactOnly.StatusCode);
        Assert.Equal("Partial Change", after.GetProperty("contact").GetString());
        Assert.Equal(before.GetProperty("email").GetString(), after.GetProperty("email").GetString());
        Assert.Equal(before.GetProperty("time_zone").GetString(), after.GetProperty("time_zone").GetString());
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
    }

    private static async Task<JsonElement> Profile(HttpClient http, string key)
    {
        using var answer = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }
}
