using System.Net;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// A customer of a test's own (imported with <c>provision import</c>, a login made with <c>user add</c>), so a test that
/// changes a profile, pays or rates many calls leaves the demo's customers as the other tests expect them.
/// </summary>
public static class TestCustomers
{
    /// <summary>The password of every login made here.</summary>
    public const string Password = "Test-customer-pass-2026";

    /// <summary>
    /// Imports customer <paramref name="id"/> with a credit line <c>{id}-L1</c> and makes login <paramref name="login"/>;
    /// returns a client signed in as it, once the portal sees the customer. Its invoices are in <paramref name="currency"/>;
    /// <paramref name="email"/> defaults to one made of the id.
    /// </summary>
    public static async Task<PortalClient> Add(PortalServer server, string id, string login, string currency = "CAD", string? email = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        await Import(server, $"{Guid.NewGuid():N}.json", $$"""
            { "format": "centrex-provisioning/1",
              "customers": [ {{Customer(id, string.Empty, currency, email)}} ],
              "accounts": [ { "id": "{{id}}-L1", "customer": "{{id}}", "type": "credit", "credit_limit": "100000.00", "requires_911": false } ] }
            """);
        await server.AddLogin(login, id, Password);
        var client = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await client.LoginAsync(login, Password)).StatusCode);
        await Until(async () => (await client.Http.GetAsync("/api/v1/me/profile")).StatusCode == HttpStatusCode.OK, $"the portal never saw customer {id}");
        return client;
    }

    /// <summary>Sets customer <paramref name="id"/> (one made by <see cref="Add"/>) to <paramref name="status"/> (<c>active</c>, <c>suspended</c>), as an operator's import would.</summary>
    public static Task SetStatus(PortalServer server, string id, string status) =>
        Import(server, $"{Guid.NewGuid():N}.json", $$"""{ "format": "centrex-provisioning/1", "customers": [ {{Customer(id, $", \"status\": \"{status}\"")}} ] }""");

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, failing with <paramref name="failure"/> after five seconds: the
    /// portal rereads provisioning at most every 250 ms, so a change shows within that bound.
    /// </summary>
    public static async Task Until(Func<Task<bool>> condition, string failure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail(failure);
    }

    // The customer record both imports write: the same fields, so a status change leaves the rest as it was.
    private static string Customer(string id, string more, string currency = "CAD", string? email = null) => $$"""
        { "id": "{{id}}", "company": "{{id}} Test Ltd", "contact": "Ana Lyst", "email": "{{email ?? $"billing@{id.ToLowerInvariant()}.example"}}",
          "address": { "street": "1 Test St", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V 1A1" },
          "currency": "{{currency}}", "time_zone": "America/Toronto"{{more}} }
        """;

    /// <summary>Writes <paramref name="json"/> to <paramref name="name"/> in the server's data directory and imports it (<c>provision import</c>).</summary>
    public static async Task Import(PortalServer server, string name, string json)
    {
        var file = Path.Combine(server.Data, name);
        await File.WriteAllTextAsync(file, json);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
