using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator's logins over the API (issue 16: whatever the Logins page does is scriptable): with a key of
/// <c>logins:read</c> and <c>logins:write</c> a script lists logins (never a password or its hash), creates customer and
/// operator logins (a given password is not echoed; a made-up one is answered once), resets, unlocks, disables and
/// enables them, each checked as the page checks it; the login's sessions end on reset and disable.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorLoginsApiTests(PortalServer server)
{
    [Fact]
    public async Task AScript_CreatesLogins_AndNeverSeesAPasswordItDidNotAskFor()
    {
        var key = await ApiKeys.Create(server, "logins:read", "logins:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal("customer", await Refused(http, key, """{"login":"api-bc","role":"customer","customer":"CUST-NOBODY"}"""));
        Assert.Equal("role", await Refused(http, key, """{"login":"api-bc","role":"admin"}"""));
        Assert.Equal("password", await Refused(http, key, """{"login":"api-bc","role":"customer","customer":"CUST-BC","password":"short"}"""));
        Assert.Equal("login", await Refused(http, key, """{"login":"api bc","role":"customer","customer":"CUST-BC"}"""));
        Assert.Equal("login", await Refused(http, key, """{"login":"operator","role":"operator"}""")); // exists already

        var chosen = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins", key, """{"login":"api-bc","role":"customer","customer":"CUST-BC","password":"chosen-by-script"}""");
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        var body = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("password").ValueKind);
        Assert.Equal("CUST-BC", body.GetProperty("login").GetProperty("customer").GetString());
        using (var bc = new PortalClient(server.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.Found, (await bc.LoginAsync("api-bc", "chosen-by-script")).StatusCode);
        }

        var made = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins", key, """{"login":"api-ops","role":"operator"}""");
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var password = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;
        Assert.Equal(16, password.Length);
        using (var ops = new PortalClient(server.BaseAddress))
        {
            Assert.Equal(HttpStatusCode.Found, (await ops.LoginAsync("api-ops", password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ops.Http.GetAsync("/operator")).StatusCode);
        }

        var list = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/logins", key)).Content.ReadAsStringAsync();
        Assert.Contains("\"login\":\"api-bc\"", list, StringComparison.Ordinal);
        Assert.Contains("\"login\":\"cust-qc\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", list, StringComparison.Ordinal); // the start of every PasswordHasher v3 hash
        Assert.DoesNotContain("password", list, StringComparison.OrdinalIgnoreCase);
        var onlyBc = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/logins?customer=CUST-BC", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(onlyBc.EnumerateArray(), l => Assert.Equal("CUST-BC", l.GetProperty("customer").GetString()));
    }

    [Fact]
    public async Task AScript_Unlocks_Disables_Enables_AndResets_ALogin()
    {
        var key = await ApiKeys.Create(server, "logins:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.Created, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins", key,
            """{"login":"api-ns","role":"customer","customer":"CUST-NS","password":"first-password"}""")).StatusCode);

        using var guesser = new PortalClient(server.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            await guesser.LoginAsync("api-ns", "not-the-password");
        }

        Assert.Contains("locked", await (await guesser.LoginAsync("api-ns", "first-password")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins/api-ns/unlock", key)).StatusCode);
        using var ns = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await ns.LoginAsync("api-ns", "first-password")).StatusCode); // the same password: only the lock went
        Assert.Equal(HttpStatusCode.OK, (await ns.Http.GetAsync("/customer")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins/api-ns/disable", key)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ns.Http.GetAsync("/customer")).StatusCode); // its session ended
        var refused = await ns.LoginAsync("api-ns", "first-password");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongWhileDisabled = await ns.LoginAsync("api-ns", "not-the-password");
        Assert.DoesNotContain("disabled", await wrongWhileDisabled.Content.ReadAsStringAsync(), StringComparison.Ordinal); // told only with the right password
        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins/api-ns/enable", key)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ns.LoginAsync("api-ns", "first-password")).StatusCode);

        var shortOne = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins/api-ns/password", key, """{"password":"short"}""");
        Assert.Equal("password", (await shortOne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var reset = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins/api-ns/password", key);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var second = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;
        Assert.Equal(HttpStatusCode.Found, (await ns.Http.GetAsync("/customer")).StatusCode); // reset ends its sessions
        Assert.NotEqual(HttpStatusCode.Found, (await ns.LoginAsync("api-ns", "first-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ns.LoginAsync("api-ns", second)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins/api-ns/password", key, """{"password":"chosen-again-1"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ns.LoginAsync("api-ns", "chosen-again-1")).StatusCode);

        foreach (var action in new[] { "unlock", "disable", "enable", "password" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/logins/nobody-here/{action}", key)).StatusCode);
        }
    }

    [Fact]
    public async Task AnOperatorSession_NeedsTheAntiForgeryToken_ToChangeLogins()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        using var bare = new HttpRequestMessage(HttpMethod.Post, "/api/v1/operator/logins/cust-on/unlock");
        var refused = await op.Http.SendAsync(bare);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("csrf", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/v1/operator/logins/cust-on/unlock");
        withToken.Headers.Add("X-CSRF-Token", await op.CsrfAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await op.Http.SendAsync(withToken)).StatusCode);
        Assert.Contains("\"login\":\"cust-on\"", await op.Http.GetStringAsync("/api/v1/operator/logins"), StringComparison.Ordinal);
    }

    // The field a refused create names.
    private static async Task<string?> Refused(HttpClient http, string key, string json)
    {
        var response = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins", key, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString();
    }
}
