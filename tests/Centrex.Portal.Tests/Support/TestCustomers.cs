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
        var file = Path.Combine(server.Data, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "{{id}}", "company": "{{id}} Test Ltd", "contact": "Ana Lyst", "email": "{{email ?? $"billing@{id.ToLowerInvariant()}.example"}}",
                "address": { "street": "1 Test St", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V 1A1" },
                "currency": "{{currency}}", "time_zone": "America/Toronto" } ],
              "accounts": [ { "id": "{{id}}-L1", "customer": "{{id}}", "type": "credit", "credit_limit": "100000.00", "requires_911": false } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
        await server.AddLogin(login, id, Password);
        var client = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await client.LoginAsync(login, Password)).StatusCode);

        // The portal rereads provisioning at most every 250 ms: wait until it knows the customer.
        for (var i = 0; i < 100; i++)
        {
            if ((await client.Http.GetAsync("/api/v1/me/profile")).StatusCode == HttpStatusCode.OK)
            {
                return client;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"the portal never saw customer {id}");
        return client;
    }
}
