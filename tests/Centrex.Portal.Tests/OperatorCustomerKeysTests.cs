using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator makes a customer's API key from the customer's page and over the operator API (issue 16: the operator
/// hands a customer's script a key without a login, as <c>centrex apikey create --customer</c> does): the key's text is
/// shown once and never listed again; the key reads that customer's data and gets 404 for another customer's ids;
/// revoking it refuses it from its next request. Listing and revoking take the logins scopes; creating takes an
/// operator's session, never a key (nor a customer's session).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorCustomerKeysTests(PortalServer server)
{
    [Fact]
    public async Task TheOperatorsKeyForACustomer_ReadsThatCustomerOnly_AndStopsWhenRevoked()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        var created = await CustomerPagesApiTests.Send(op, HttpMethod.Post, "/api/v1/operator/customers/CUST-QC/api-keys", new { name = "qc accounting script", scopes = new[] { "me:read" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("info").GetProperty("id").GetString()!;
        Assert.StartsWith($"cxk_{id}_", key, StringComparison.Ordinal);

        // Listed for the operator (and the customer) without its secret.
        var listed = await op.Http.GetStringAsync("/api/v1/operator/customers/CUST-QC/api-keys");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        using (var qcSession = await Sessions.SignedIn(server, "cust-qc"))
        {
            Assert.Contains(id, await qcSession.Http.GetStringAsync("/api/v1/me/api-keys"), StringComparison.Ordinal);
        }

        // The key reads CUST-QC's data, and another customer's ids are 404.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using (var lines = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/lines", key))
        {
            Assert.Equal(HttpStatusCode.OK, lines.StatusCode);
            var ids = (await lines.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
            Assert.Contains("ACC-1001", ids);
            Assert.DoesNotContain("ACC-1002", ids);
        }

        using var on = await Sessions.SignedIn(server, "cust-on");
        var theirInvoice = (await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices"))[0].GetProperty("number").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Get, $"/api/v1/me/invoices/{theirInvoice}", key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/lines/ACC-1002/forwarding", key)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile", key, """{"contact":"x","email":"x@y.example","time_zone":"America/Toronto"}""")).StatusCode);

        // Revoked over the operator API: refused from its next request; a second revoke is 404.
        Assert.Equal(HttpStatusCode.NoContent, (await CustomerPagesApiTests.Send(op, HttpMethod.Delete, $"/api/v1/operator/customers/CUST-QC/api-keys/{id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/lines", key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CustomerPagesApiTests.Send(op, HttpMethod.Delete, $"/api/v1/operator/customers/CUST-QC/api-keys/{id}", null)).StatusCode);
    }

    [Fact]
    public async Task TheOperatorApi_ChecksTheCustomer_TheFields_AndWhoMayMintKeys()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        Assert.Equal(HttpStatusCode.NotFound, (await CustomerPagesApiTests.Send(op, HttpMethod.Post, "/api/v1/operator/customers/CUST-NOPE/api-keys", new { name = "x", scopes = new[] { "me:read" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.Http.GetAsync("/api/v1/operator/customers/CUST-NOPE/api-keys")).StatusCode);
        var operatorScope = await CustomerPagesApiTests.Send(op, HttpMethod.Post, "/api/v1/operator/customers/CUST-ON/api-keys", new { name = "x", scopes = new[] { "billing:read" } });
        Assert.Equal(HttpStatusCode.BadRequest, operatorScope.StatusCode);
        Assert.Equal("scopes", (await operatorScope.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        // Another customer's key is not revoked through this customer's path.
        var theirs = ApiKeys.Id(await ApiKeys.CreateForCustomer(server, "CUST-ON", "me:read"));
        Assert.Equal(HttpStatusCode.NotFound, (await CustomerPagesApiTests.Send(op, HttpMethod.Delete, $"/api/v1/operator/customers/CUST-QC/api-keys/{theirs}", null)).StatusCode);

        // A key with the logins scopes lists and revokes, but never mints a key; a customer's session does none of it.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var logins = await ApiKeys.Create(server, "logins:read", "logins:write");
        Assert.Equal(HttpStatusCode.OK, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/customers/CUST-ON/api-keys", logins)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers/CUST-ON/api-keys", logins, """{"name":"minted","scopes":["me:write"]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/customers/CUST-ON/api-keys", server.BalancesKey)).StatusCode);
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        Assert.Equal(HttpStatusCode.Forbidden, (await CustomerPagesApiTests.Send(qc, HttpMethod.Post, "/api/v1/operator/customers/CUST-QC/api-keys", new { name = "x", scopes = new[] { "me:write" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Delete, $"/api/v1/operator/customers/CUST-ON/api-keys/{theirs}", logins)).StatusCode);
    }

    [Fact]
    public async Task TheCustomersPage_MakesAKey_ShowsItOnce_AndRevokesIt()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        Assert.Contains("/operator/customers/keys?id=CUST-ON", await op.Http.GetStringAsync("/operator/customers/edit?id=CUST-ON"), StringComparison.Ordinal);
        const string Page = "/operator/customers/keys?id=CUST-ON";
        var refused = await Form(op, "Create", ("name", ""), ("scopes", "me:read"));
        Assert.Contains("id=\"name-error\"", refused, StringComparison.Ordinal);

        var made = await Form(op, "Create", ("name", "on nightly export"), ("scopes", "me:read"), ("scopes", "me:write"));
        var key = ApiKeys.Shown(made);
        var id = ApiKeys.Id(key);
        var again = await op.Http.GetStringAsync(Page);
        Assert.Contains(id, again, StringComparison.Ordinal);
        Assert.Contains("on nightly export", again, StringComparison.Ordinal);
        Assert.DoesNotContain(key, again, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var profile = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("CUST-ON", (await profile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        var revoked = await Form(op, "Revoke", ("key", id));
        Assert.Contains($"Key {id} revoked.", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.Http.GetAsync("/operator/customers/keys?id=CUST-NOPE")).StatusCode);
    }

    // The page's forms post to their own URL, which names the customer (?id=): the handler is added to that query.
    private static async Task<string> Form(PortalClient client, string handler, params (string Name, string Value)[] fields)
    {
        const string Path = "/operator/customers/keys?id=CUST-ON";
        var token = await client.FormTokenAsync(Path);
        using var content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
        using var response = await client.Http.PostAsync($"{Path}&handler={handler}", content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.Http.GetStringAsync(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
