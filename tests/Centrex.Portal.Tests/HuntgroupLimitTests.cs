using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The portal's hunt groups keep provisioning's limit (a group rings at most 64 extensions, <c>HuntGroup.MaxLines</c>):
/// a customer with 65 extensions saves a group of 64 through the API, and one of 65 is refused with the field and the
/// limit named, the group left as it was; the portal saves through the same validation as <c>provision import</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HuntgroupLimitTests(PortalServer server)
{
    private const string Customer = "CUST-HG";

    [Fact]
    public async Task AGroupOf64_IsSaved_And65AreRefusedNamingTheField()
    {
        await Import();
        await server.AddLogin("hg-admin", Customer, "hg-admin-password-1");
        using var client = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await client.LoginAsync("hg-admin", "hg-admin-password-1")).StatusCode);

        var created = await Send(client, HttpMethod.Post, "/api/v1/me/hunt-groups", Body(64));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var refused = await Send(client, HttpMethod.Put, $"/api/v1/me/hunt-groups/{id}", Body(65));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("field \"members\": 65 extensions; a hunt group rings at most 64", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var group = (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/hunt-groups")).EnumerateArray().Single();
        Assert.Equal(64, group.GetProperty("members").GetArrayLength()); // nothing of the refused change was kept
    }

    private static string Extension(int i) => (5000 + i).ToString(CultureInfo.InvariantCulture);

    private static string Body(int members) =>
        $$"""{"number":"700","name":"Everyone","sequence":"simultaneous","members":[{{string.Join(",", Enumerable.Range(0, members).Select(i => $$"""{"extension":"{{Extension(i)}}"}"""))}}]}""";

    private async Task Import()
    {
        var accounts = string.Join(", ", Enumerable.Range(0, 65).Select(i =>
            $$"""{ "id": "ACC-HG{{Extension(i)}}", "customer": "{{Customer}}", "type": "debit", "extension": "{{Extension(i)}}", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" } }"""));
        var json = $$"""
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "{{Customer}}", "company": "Hunt Group Co", "contact": "H. Group", "email": "hg@example.test",
                 "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
                 "time_zone": "America/Halifax" } ],
              "accounts": [ {{accounts}} ] }
            """;
        var file = Path.Combine(server.Data, "hg-lines.json");
        await File.WriteAllTextAsync(file, json);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }

    private static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, string json)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
