using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16, findings 9 and 14: a customer keeps at most 20 tickets open (the 21st is refused, 409
/// <c>too-many-tickets</c>) and a ticket at most 100 messages (the next naming <c>body</c>); the tickets API answers a page at a
/// time (<c>X-Total-Count</c>, <c>Link</c>), as do the invoices API and the operator's Tickets page; and a customer's
/// tickets are numbered 1, 2, 3… among its own, whatever other customers opened before.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TicketLimitsTests(PortalServer server)
{
    [Fact]
    public async Task TwentyOpenTickets_AreTheMost_NumberedAmongTheCustomersOwn_AndListedAPageAtATime()
    {
        using var me = await TestCustomers.Add(server, "CUST-TCAP", "cust-tcap");
        for (var i = 1; i <= 20; i++)
        {
            using var created = await Post(me, "/api/v1/me/tickets", new { subject = $"Ticket {i}", body = "x" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(i, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }

        using var refused = await Post(me, "/api/v1/me/tickets", new { subject = "One more", body = "x" });
        // A cap, not a fault of the subject: 409, no field (the page shows it above the form).
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too-many-tickets", error.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("field").ValueKind);
        Assert.Contains("<p class=\"error\" role=\"alert\">at most 20 tickets open at once", await BillingPagesTests.Form(me, "/customer/tickets", null, ("subject", "Page"), ("body", "x")), StringComparison.Ordinal);
        Assert.Contains("at most 20 tickets open at once", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Closing one makes room; the next is number 21.
        Assert.Equal(HttpStatusCode.NoContent, (await Post(me, "/api/v1/me/tickets/3/close", new { })).StatusCode);
        using var again = await Post(me, "/api/v1/me/tickets", new { subject = "Room again", body = "x" });
        Assert.Equal(21, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

        using var page = await me.Http.GetAsync("/api/v1/me/tickets?size=10&page=2&sort=id&dir=asc");
        Assert.Equal("21", page.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"next\"", page.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var rows = await page.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), rows.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.False(rows[0].TryGetProperty("customer_id", out _));
        Assert.Equal("Ticket 11", (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/tickets/11")).GetProperty("ticket").GetProperty("subject").GetString());
        Assert.Contains(">Ticket 11</a>", await me.Http.GetStringAsync("/customer/tickets?sort=id&dir=asc&page=2&size=10"), StringComparison.Ordinal);

        using var op = await Sessions.SignedIn(server, "operator");
        Assert.Contains("Page 1 of", await op.Http.GetStringAsync("/operator/tickets?size=10"), StringComparison.Ordinal);
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        using var invoices = await qc.Http.GetAsync("/api/v1/me/invoices?size=10");
        Assert.True(long.Parse(invoices.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True((await invoices.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength() <= 10);
    }

    [Fact]
    public async Task ATicket_HoldsAtMostAHundredMessages_TheNextRefusedNamingBody()
    {
        using var me = await TestCustomers.Add(server, "CUST-TMSG", "cust-tmsg");
        using var created = await Post(me, "/api/v1/me/tickets", new { subject = "Long thread", body = "first" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        for (var i = 2; i <= 100; i++)
        {
            using var reply = await Unthrottled(() => Post(me, "/api/v1/me/tickets/1/replies", new { body = $"message {i}" }));
            Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        }

        using var full = await Unthrottled(() => Post(me, "/api/v1/me/tickets/1/replies", new { body = "one too many" }));
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
        Assert.Equal("body", (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(100, (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/tickets/1")).GetProperty("messages").GetArrayLength());
    }

    // The change throttle (30 at once, then 2 a second per customer) answers 429 to a long run of replies: wait its Retry-After.
    internal static async Task<HttpResponseMessage> Unthrottled(Func<Task<HttpResponseMessage>> send)
    {
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }

    internal static async Task<HttpResponseMessage> Post(PortalClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }
}
