using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Customer API keys (issue 16: the customer routes take "session or key"): made by the operator (<c>apikey create
/// --customer</c>) or by the customer on My Profile, stored hashed, scoped on the server to their customer: another
/// customer's ids are 404, a read-only key is 403 on a change, a key opens nothing outside <c>/api/v1/me</c>, and a
/// revoked key is 401 from its next request.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CustomerApiKeyTests(PortalServer server)
{
    [Fact]
    public async Task TheCli_MakesCustomerKeys_OnlyForACustomerThatExists_AndOnlyWithTheMeScopes()
    {
        var unknown = await PortalServer.Run(null, "apikey", "create", "--data", server.Data, "--customer", "CUST-NOPE", "--scope", "me:read");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("--customer 'CUST-NOPE' is not a provisioned customer", unknown.Error, StringComparison.Ordinal);

        var noCustomer = await PortalServer.Run(null, "apikey", "create", "--data", server.Data, "--scope", "me:read");
        Assert.NotEqual(0, noCustomer.Exit);
        Assert.Contains("me:read is for a customer's key: name the customer (--customer ID)", noCustomer.Error, StringComparison.Ordinal);

        var operatorScope = await PortalServer.Run(null, "apikey", "create", "--data", server.Data, "--customer", "CUST-QC", "--scope", "me:read", "--scope", "billing:read");
        Assert.NotEqual(0, operatorScope.Exit);
        Assert.Contains("a customer's key carries only me:read and me:write, not billing:read", operatorScope.Error, StringComparison.Ordinal);

        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:read");
        var list = await PortalServer.Run(null, "apikey", "list", "--data", server.Data);
        Assert.Matches($@"{ApiKeys.Id(key)}\s.*me:read\s+CUST-QC", list.Output);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadKey_ReadsItsCustomerOnly_IsRefusedChanges_AndOpensNothingElse()
    {
        var key = await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:read");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var lines = await Json(http, key, "/api/v1/me/lines");
        Assert.Contains(lines.EnumerateArray(), l => l.GetProperty("id").GetString() == "ACC-1001");
        Assert.DoesNotContain(lines.EnumerateArray(), l => l.GetProperty("id").GetString() == "ACC-1002");
        Assert.Equal("CUST-QC", (await Json(http, key, "/api/v1/me/dashboard")).GetProperty("customer").GetProperty("id").GetString());

        // Another customer's invoice and line: 404, as for a session.
        using var on = await Sessions.SignedIn(server, "cust-on");
        var theirInvoice = (await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices"))[0].GetProperty("number").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Get, $"/api/v1/me/invoices/{theirInvoice}", key)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/lines/ACC-1002/forwarding", key)).StatusCode);

        // A change with a read-only key: 403, and nothing changed.
        var before = (await Json(http, key, "/api/v1/me/profile")).GetProperty("contact").GetString();
        var change = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile", key, """{"contact":"Changed by a read key","email":"x@y.example","time_zone":"America/Toronto"}""");
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(before, (await Json(http, key, "/api/v1/me/profile")).GetProperty("contact").GetString());

        // Nothing outside /api/v1/me: the operator's routes, the machines' routes, the pages.
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/customers", key)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/accounts/ACC-1001/balance", key)).StatusCode);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var page = await ApiKeys.Send(noRedirects, HttpMethod.Get, "/customer", key);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode); // to the login page: a key is no session
        Assert.StartsWith("/account/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // And an operator's session or a key without a customer opens no /api/v1/me.
        using var op = await Sessions.SignedIn(server, "operator");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync("/api/v1/me/lines")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/lines", server.BalancesKey)).StatusCode);
    }

    [Fact]
    public async Task TheCustomer_MakesAWriteKeyOnItsProfile_UsesItWithoutAToken_AndRevokesIt()
    {
        using var me = await TestCustomers.Add(server, "CUST-KEYS", "cust-keys");
        var made = await BillingPagesTests.Form(me, "/customer/profile", "CreateKey", ("name", "nightly script"), ("scopes", "me:read"), ("scopes", "me:write"));
        var key = ApiKeys.Shown(made);
        Assert.Contains("nightly script", made, StringComparison.Ordinal);
        var refused = await BillingPagesTests.Form(me, "/customer/profile", "CreateKey", ("name", ""), ("scopes", "billing:read"));
        Assert.Contains("id=\"name-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"scopes-error\"", refused, StringComparison.Ordinal);

        // The key changes the customer's data with no session and no anti-forgery token (a browser never sends a key on its own).
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var saved = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile", key, """{"contact":"Set by the script","email":"script@keys.example","time_zone":"America/Halifax"}""");
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("Set by the script", (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/profile")).GetProperty("contact").GetString());
        var bad = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile", key, """{"contact":"x","email":"x@keys.example","time_zone":"Nowhere/Else"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("time_zone", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        // What belongs to a login stays with the login: a key cannot change the password or make more keys.
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/me/profile/password", key, """{"current":"x","new":"Stolen-pass-2026"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/me/api-keys", key, """{"name":"more","scopes":["me:write"]}""")).StatusCode);

        // Revoked on the page: refused from the next request.
        var id = ApiKeys.Id(key);
        var keys = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys");
        Assert.Equal(["me:read", "me:write"], keys.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id).GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.DoesNotContain(key, keys.ToString(), StringComparison.Ordinal);
        var revoked = await BillingPagesTests.Form(me, "/customer/profile", "RevokeKey", ("id", id));
        Assert.Contains($"Key {id} revoked.", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key)).StatusCode);

        // Another customer's key id is not found for revocation, on the page and over the API.
        var theirs = ApiKeys.Id(await ApiKeys.CreateForCustomer(server, "CUST-QC", "me:read"));
        Assert.Contains("no such key of yours that still works", await BillingPagesTests.Form(me, "/customer/profile", "RevokeKey", ("id", theirs)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await CustomerPagesApiTests.Send(me, HttpMethod.Delete, $"/api/v1/me/api-keys/{theirs}", null)).StatusCode);
    }

    [Fact]
    public async Task ASuspendedCustomersKey_IsRefused_UntilItIsResumed()
    {
        using var me = await TestCustomers.Add(server, "CUST-SUSP", "cust-susp");
        var key = await ApiKeys.CreateForCustomer(server, "CUST-SUSP", "me:read");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key)).StatusCode);

        await TestCustomers.SetStatus(server, "CUST-SUSP", "suspended");
        await TestCustomers.Until(async () => (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key)).StatusCode == HttpStatusCode.Forbidden, "the key still works while its customer is suspended");
        await TestCustomers.SetStatus(server, "CUST-SUSP", "active");
        await TestCustomers.Until(async () => (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/me/profile", key)).StatusCode == HttpStatusCode.OK, "the key is still refused once its customer is resumed");
    }

    private static async Task<JsonElement> Json(HttpClient http, string key, string path)
    {
        using var response = await ApiKeys.Send(http, HttpMethod.Get, path, key);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
