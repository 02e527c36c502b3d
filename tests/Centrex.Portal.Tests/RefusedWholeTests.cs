using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// A refused change leaves nothing changed and names its field (issue 16 review, findings 4, 6, 11, 12): a hunt group's
/// PUT refused for a member keeps its old name; an operator's payment of an absurd amount or a far-future day is
/// refused, in the portal and in import; an extension name of 5,000 characters is refused by the shared validator
/// (portal, API and <c>provision import</c>); a string with a control character is refused as such.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RefusedWholeTests(PortalServer server)
{
    [Fact]
    public async Task AHuntGroupPut_RefusedForAMemberOrAnIncludedGroup_ChangesNothing()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var race = await RaceCustomer.Create(server, http, "CUST-WHOLE-H", "84");
        var created = await race.AsCustomer(http, HttpMethod.Post, "/api/v1/me/hunt-groups", """{"number":"849","name":"Desk","members":[{"extension":"841"}]}""");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        foreach (var body in new[] { """{"name":"CHANGED","members":[{"extension":"999"}]}""", """{"name":"CHANGED","groups":["nope"]}""" })
        {
            using var refused = await race.AsCustomer(http, HttpMethod.Put, $"/api/v1/me/hunt-groups/{id}", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var group = (await race.Get(http, "/api/v1/me/hunt-groups")).EnumerateArray().Single(g => g.GetProperty("id").GetString() == id);
            Assert.Equal(("Desk", "841"), (group.GetProperty("name").GetString(), group.GetProperty("members")[0].GetProperty("extension").GetString()));
        }

        using var done = await race.AsCustomer(http, HttpMethod.Put, $"/api/v1/me/hunt-groups/{id}", """{"name":"Front","members":[{"extension":"842"}]}""");
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var changed = (await race.Get(http, "/api/v1/me/hunt-groups")).EnumerateArray().Single(g => g.GetProperty("id").GetString() == id);
        Assert.Equal(("Front", "842"), (changed.GetProperty("name").GetString(), changed.GetProperty("members")[0].GetProperty("extension").GetString()));
    }

    [Fact]
    public async Task AnOperatorPayment_OfAnAbsurdAmountOrAFarFutureOrPastDay_IsRefusedNamingTheField_AndImportRefusesTheAmount()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var race = await RaceCustomer.Create(server, http, "CUST-WHOLE-P", "85");
        foreach (var (body, field) in new[]
        {
            ($$"""{"customer":"{{race.Id}}","received":"2026-11-20","amount":"9223372036854775.000"}""", "amount"),
            ($$"""{"customer":"{{race.Id}}","received":"2026-11-20","amount":"10000000.01"}""", "amount"),
            ($$"""{"customer":"{{race.Id}}","received":"9998-12-31","amount":"25.00"}""", "received"),
            ($$"""{"customer":"{{race.Id}}","received":"0001-01-01","amount":"1.00"}""", "received"),
        })
        {
            using var refused = await race.AsOperator(http, HttpMethod.Post, "/api/v1/operator/payments", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(field, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        using var most = await race.AsOperator(http, HttpMethod.Post, "/api/v1/operator/payments", $$"""{"customer":"{{race.Id}}","received":"2026-11-20","amount":"10000000.00"}""");
        Assert.Equal(HttpStatusCode.Created, most.StatusCode);
        using var transactions = await race.AsCustomer(http, HttpMethod.Get, "/api/v1/me/transactions?from=2026-11-01&to=2026-11-30");
        Assert.Equal(HttpStatusCode.OK, transactions.StatusCode);

        var file = Path.Combine(server.Data, "absurd-payment.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1", "payments": [
                { "id": "ABSURD-1", "customer": "{{race.Id}}", "received": "2026-11-20", "amount": "9223372036854775.000", "method": "card", "reference": "x" } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.NotEqual(0, import.Exit);
        Assert.Contains("amount is more than 10000000.000", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtensionNameOver60Characters_IsRefusedByTheApiAndByImport_NamingTheField()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var race = await RaceCustomer.Create(server, http, "CUST-WHOLE-N", "86");
        var name = new string('n', 5000);
        using var refused = await race.AsCustomer(http, HttpMethod.Put, $"/api/v1/me/lines/{race.Line1}/extension", $$"""{"extension":"861","name":"{{name}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("name", error.GetProperty("field").GetString());
        Assert.Contains("field \"extension_name\": at most 60 characters on one line", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var line = (await race.Get(http, "/api/v1/me/lines")).EnumerateArray().Single(l => l.GetProperty("id").GetString() == race.Line1);
        Assert.Equal("One", line.GetProperty("extension_name").GetString());

        using var sixty = await race.AsCustomer(http, HttpMethod.Put, $"/api/v1/me/lines/{race.Line1}/extension", $$"""{"extension":"861","name":"{{new string('s', 60)}}"}""");
        Assert.Equal(HttpStatusCode.NoContent, sixty.StatusCode);

        var file = Path.Combine(server.Data, "long-extension-name.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1", "accounts": [
                { "id": "{{race.Line2}}", "customer": "{{race.Id}}", "type": "credit", "credit_limit": "100.00", "extension": "862", "extension_name": "{{new string('i', 61)}}",
                  "sip": { "username": "{{race.Id.ToLowerInvariant()}}-2", "ha1_md5": "00000000000000000000000000000000" } } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.NotEqual(0, import.Exit);
        Assert.Contains("field \"extension_name\": at most 60 characters on one line", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStringWithAControlCharacter_IsRefusedAsSuch_NamingTheField()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var race = await RaceCustomer.Create(server, http, "CUST-WHOLE-C", "87");
        foreach (var contact in new[] { "Null\\u0000here", "Raw\u0001here" })
        {
            using var refused = await race.AsCustomer(http, HttpMethod.Put, "/api/v1/me/profile", $$"""{"contact":"{{contact}}"}""");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("contact", error.GetProperty("field").GetString());
            Assert.Contains("control characters are not allowed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("R. Ace", (await race.Get(http, "/api/v1/me/profile")).GetProperty("contact").GetString());
    }
}
