using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Security;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16 review, item 7, against a real serve with the default bound: one customer's script sends 160 changes at once
/// (each would validate the whole provisioning store and reload the switch). Past its burst it gets 429 with
/// Retry-After and the reason, and those changes are not made; another customer's change at the same moment is made.
/// </summary>
public sealed class ChangeThrottleTests
{
    private const string Password = "right-password-123";

    [Fact]
    public async Task ACustomerSendingManyChanges_Gets429PastItsBurst_AndThoseAreNotMade_WhileAnotherCustomersChangeIsMade()
    {
        await using var serve = new OwnServe("centrex-changes-");
        await serve.Import("customers.json", $$"""{ "format": "centrex-provisioning/1", "customers": [ {{Customer("C1")}}, {{Customer("C2")}} ] }""");
        await serve.AddLogin("busy", "C1", Password);
        await serve.AddLogin("quiet", "C2", Password);
        var address = (await serve.StartAsync())[0];
        using var busy = new PortalClient(address);
        using var quiet = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await busy.LoginAsync("busy", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await quiet.LoginAsync("quiet", Password)).StatusCode);
        var csrf = await busy.CsrfAsync();

        // Enough that their arrival outlasts the refill even on a host at load 90 (LoginThrottleTests saw 80 logins arrive
        // slower than its bucket refilled), and under the 200 abbreviated numbers a customer may keep.
        const int Changes = 160;
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Changes).Select(i => Put(busy, csrf, $"/api/v1/me/dial-plan/abbreviated/{1000 + i}")));
        var seconds = clock.Elapsed.TotalSeconds;
        var other = await Put(quiet, await quiet.CsrfAsync(), "/api/v1/me/dial-plan/abbreviated/55");

        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var made = answers.Count(a => a.StatusCode == HttpStatusCode.NoContent);
        var allowed = ChangeLimits.Default.Burst + (int)Math.Ceiling(seconds * ChangeLimits.Default.PerSecond) + ChangeLimits.Default.PerSecond;
        Assert.True(made + throttled.Count == Changes, string.Join(", ", answers.Select(a => (int)a.StatusCode).Distinct()));
        Assert.InRange(made, ChangeLimits.Default.Burst, allowed);
        Assert.NotEmpty(throttled);
        var refusal = throttled[0];
        Assert.True(refusal.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
        var error = await refusal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rate-limited", error.GetProperty("error").GetString());
        Assert.Contains("too many changes", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The refused ones changed nothing: the table holds exactly the codes answered 204.
        var table = (await busy.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan")).GetProperty("abbreviated_dialing");
        Assert.Equal(made, table.EnumerateObject().Count());
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode); // another customer is not slowed
    }

    private static async Task<HttpResponseMessage> Put(PortalClient client, string csrf, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent("""{"dial":""}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }

    private static string Customer(string id) => $$"""
        { "id": "{{id}}", "company": "{{id}} Inc", "contact": "A", "email": "a@x.example",
          "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" }, "time_zone": "America/Halifax" }
        """;
}
