using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Trouble tickets over the API on both sides (issue 16: "Trouble Tickets (open, reply, close; the operator answers)";
/// whatever a page does is scriptable): a customer opens and answers its own over <c>/api/v1/me/tickets</c> (a session
/// with the anti-forgery token), a script with <c>tickets:read</c> finds it among every customer's and one with
/// <c>tickets:write</c> answers and resolves it; another customer's session gets 404 for it everywhere.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorTicketsApiTests(PortalServer server)
{
    [Fact]
    public async Task ACustomersTicket_IsFoundAnsweredAndResolvedByAScript()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var created = await Customer(qc, HttpMethod.Post, "/api/v1/me/tickets", """{"subject":"Fax line drops after 30 s","body":"Every call, since Monday."}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var id = await TicketIds.Of(server, "CUST-QC", number);
        Assert.Equal(HttpStatusCode.NoContent, (await Customer(qc, HttpMethod.Post, $"/api/v1/me/tickets/{number}/replies", """{"body":"It is line ACC-1001."}""")).StatusCode);

        var reader = await ApiKeys.Create(server, "tickets:read");
        var writer = await ApiKeys.Create(server, "tickets:write", "tickets:read");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var fresh = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/tickets?status=new&size=500", reader)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(fresh.EnumerateArray(), t => t.GetProperty("id").GetInt64() == id && t.GetProperty("customer_id").GetString() == "CUST-QC");
        var others = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/tickets?customer=CUST-ON", reader)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(others.EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
        var badStatus = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/tickets?status=pending", reader);
        Assert.Equal("status", (await badStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var one = await (await ApiKeys.Send(http, HttpMethod.Get, $"/api/v1/operator/tickets/{id}", reader)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, one.GetProperty("messages").GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tickets/{id}/replies", reader, """{"body":"x"}""")).StatusCode);
        var empty = await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tickets/{id}/replies", writer, """{"body":"  "}""");
        Assert.Equal("body", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/tickets/999999/replies", writer, """{"body":"x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tickets/{id}/replies", writer, """{"body":"Replaced the line card; please try again."}""")).StatusCode);

        var seen = await qc.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/tickets/{number}");
        Assert.Equal("open", seen.GetProperty("ticket").GetProperty("status").GetString());
        var answer = seen.GetProperty("messages")[2];
        Assert.True(answer.GetProperty("from_operator").GetBoolean());
        Assert.StartsWith("api key ", answer.GetProperty("author").GetString(), StringComparison.Ordinal);
        Assert.Contains("Replaced the line card", await qc.Http.GetStringAsync($"/customer/tickets/{number}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tickets/{id}/close", writer)).StatusCode);
        Assert.Equal("resolved", (await qc.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/tickets/{number}")).GetProperty("ticket").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnotherCustomer_Gets404ForTheTicket_AndASessionWrite_NeedsTheToken_WhateverElseItCarries()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var created = await Customer(qc, HttpMethod.Post, "/api/v1/me/tickets", """{"subject":"Voicemail light stays on","body":"On 101."}""");
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // The operator's id counts every customer's tickets, this one too: no other customer has as many of its own.
        var id = await TicketIds.Of(server, "CUST-QC", number);

        using var on = await Sessions.SignedIn(server, "cust-on");
        Assert.Equal(HttpStatusCode.NotFound, (await on.Http.GetAsync($"/api/v1/me/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Customer(on, HttpMethod.Post, $"/api/v1/me/tickets/{id}/replies", """{"body":"mine"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Customer(on, HttpMethod.Post, $"/api/v1/me/tickets/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await on.Http.GetAsync($"/api/v1/operator/tickets/{id}")).StatusCode);
        Assert.Equal("new", (await qc.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/tickets/{number}")).GetProperty("ticket").GetProperty("status").GetString());

        // A customer's session without the token is refused, and so is one that adds a made-up Authorization header
        // (the customer routes authorize with the cookie, so the header must not stand in for the token).
        using var bare = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/tickets/{number}/close");
        Assert.Equal(HttpStatusCode.BadRequest, (await qc.Http.SendAsync(bare)).StatusCode);
        using var disguised = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/tickets/{number}/close");
        disguised.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-key");
        var answer = await qc.Http.SendAsync(disguised);
        Assert.NotEqual(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("new", (await qc.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/tickets/{number}")).GetProperty("ticket").GetProperty("status").GetString());
    }

    // A customer's API request with its session and anti-forgery token.
    private static async Task<HttpResponseMessage> Customer(PortalClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }
}
