using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// A customer of its own for tests that change its records from two sides at once (the shared serve's demo customers
/// stay as other tests expect them): created through the operator's API, with two lines of the switch (extensions
/// <c>{prefix}1</c> and <c>{prefix}2</c>), an operator key and a key of the customer's (<c>me:write</c>).
/// </summary>
public sealed record RaceCustomer(string Id, string Line1, string Line2, string OperatorKey, string CustomerKey)
{
    /// <summary>Creates customer <paramref name="id"/> with lines <c>{id}-1</c> and <c>{id}-2</c>.</summary>
    public static async Task<RaceCustomer> Create(PortalServer server, HttpClient http, string id, string prefix)
    {
        ArgumentNullException.ThrowIfNull(server);
        var operatorKey = await ApiKeys.Create(server, "customers:read", "customers:write", "provisioning:write", "payments:write", "billing:read");
        var customer = $$"""
            {"id":"{{id}}","company":"Race {{id}}","contact":"R. Ace","email":"r@race.example","street":"1 Bay St","city":"Toronto","province":"ON",
             "country":"CA","postal_code":"M5J 2N8","currency":"CAD","time_zone":"America/Toronto"}
            """;
        var created = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", operatorKey, customer);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var lines = $$"""
            { "format": "centrex-provisioning/1", "accounts": [
                { "id": "{{id}}-1", "customer": "{{id}}", "type": "credit", "credit_limit": "100.00", "extension": "{{prefix}}1", "extension_name": "One",
                  "sip": { "username": "{{id.ToLowerInvariant()}}-1", "ha1_md5": "00000000000000000000000000000000" } },
                { "id": "{{id}}-2", "customer": "{{id}}", "type": "credit", "credit_limit": "100.00", "extension": "{{prefix}}2",
                  "sip": { "username": "{{id.ToLowerInvariant()}}-2", "ha1_md5": "00000000000000000000000000000000" } } ] }
            """;
        var imported = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/provisioning", operatorKey, lines);
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var customerKey = await ApiKeys.CreateForCustomer(server, id, "me:read", "me:write");
        return new RaceCustomer(id, $"{id}-1", $"{id}-2", operatorKey, customerKey);
    }

    /// <summary>Sends a request as the customer.</summary>
    public Task<HttpResponseMessage> AsCustomer(HttpClient http, HttpMethod method, string path, string? json = null) => ApiKeys.Send(http, method, path, CustomerKey, json);

    /// <summary>Sends a request as the operator.</summary>
    public Task<HttpResponseMessage> AsOperator(HttpClient http, HttpMethod method, string path, string? json = null) => ApiKeys.Send(http, method, path, OperatorKey, json);

    /// <summary>GETs <paramref name="path"/> as the customer, as JSON.</summary>
    public async Task<JsonElement> Get(HttpClient http, string path)
    {
        using var answer = await AsCustomer(http, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }
}
