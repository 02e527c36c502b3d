using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>Trouble tickets (issue 16): a customer opens one, the operator answers it, and another customer cannot read, answer or close it.</summary>
[Collection(PortalCollection.Name)]
public sealed class TicketTests(PortalServer server)
{
    [Fact]
    public async Task ACustomersTicket_IsAnsweredByTheOperator_AndIs404ForAnotherCustomer()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var created = await Post(qc, "/api/v1/me/tickets", """{"subject":"Line 101 has no dial tone","body":"Since this morning."}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var id = await TicketIds.Of(server, "CUST-QC", number); // the operator's id: what a guesser of another's ticket would try
        var empty = await Post(qc, "/api/v1/me/tickets", """{"subject":"","body":"x"}""");
        Assert.Equal("subject", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        using var on = await Sessions.SignedIn(server, "cust-on");
        Assert.Equal(HttpStatusCode.NotFound, (await on.Http.GetAsync($"/api/v1/me/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await on.Http.GetAsync($"/customer/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(on, $"/api/v1/me/tickets/{id}/replies", """{"body":"mine now"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(on, $"/api/v1/me/tickets/{id}/close", "{}")).StatusCode);
        Assert.DoesNotContain("no dial tone", await on.Http.GetStringAsync("/api/v1/me/tickets"), StringComparison.Ordinal);

        using var op = await Sessions.SignedIn(server, "operator");
        Assert.Contains("Line 101 has no dial tone", await op.Http.GetStringAsync("/operator/tickets?status=new"), StringComparison.Ordinal);
        var token = await op.FormTokenAsync($"/operator/tickets/{id}");
        var answer = await op.Http.PostAsync($"/operator/tickets/{id}?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["body"] = "We reset the line; please reboot the phone.",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var ticket = await qc.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/tickets/{number}");
        Assert.Equal("open", ticket.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal("We reset the line; please reboot the phone.", ticket.GetProperty("messages")[1].GetProperty("body").GetString());
        Assert.True(ticket.GetProperty("messages")[1].GetProperty("from_operator").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await Post(qc, $"/api/v1/me/tickets/{number}/close", "{}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Post(PortalClient client, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }
}
