using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review 16, item 14: the operator changes its own password (the current one and a new one) on My Profile (the former My password page sends there) and with
/// <c>PUT /api/v1/operator/password</c>; a login name outside the safe characters (<c>../x</c>) is refused naming
/// <c>login</c>, on the API and the command line; and item 16: a login in another content type than JSON is 415.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OwnPasswordAndLoginNameTests(PortalServer server)
{
    [Fact]
    public async Task TheOperator_ChangesItsOwnPassword_OnTheApiAndThePage()
    {
        const string First = "first-own-password-1";
        const string Second = "second-own-password-2";
        const string Third = "third-own-password-3";
        await server.AddLogin("ops-self", null, First);
        using var ops = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await ops.LoginAsync("ops-self", First)).StatusCode);

        using var wrong = await Change(ops, "not-the-password", Second);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("current", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        using var changed = await Change(ops, First, Second);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("ops-self", First)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("ops-self", Second)).StatusCode);

        // My Profile, in the operator's menu, does the same in its password section; the former My password page sends there.
        using var old = await ops.Http.GetAsync("/operator/password");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/operator/profile#password", old.Headers.Location!.OriginalString);
        var page = await ops.Http.GetStringAsync("/operator/profile");
        Assert.Contains("href=\"/operator/profile\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/operator/password\"", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"password\">Change Password</h2>", page, StringComparison.Ordinal);
        var token = await ops.FormTokenAsync("/operator/profile");
        using var posted = await ops.Http.PostAsync("/operator/profile?handler=Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = Second, ["new"] = Third, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("ops-self", Third)).StatusCode);

        // A key has no password of its own to change.
        var key = await ApiKeys.Create(server, "logins:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var byKey = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/password", key, """{"current":"x","new":"y-password-long"}""");
        Assert.True(byKey.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, byKey.StatusCode.ToString());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("name%2Fother")]
    [InlineData(".hidden")]
    public async Task ALoginNameOutsideTheSafeCharacters_IsRefusedNamingLogin(string login)
    {
        var key = await ApiKeys.Create(server, "logins:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var answer = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/logins", key, JsonSerializer.Serialize(new { login, role = "operator" }));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("login", error.GetProperty("field").GetString());
        Assert.Contains("letters, digits, '.', '_', '-', '@' or '+'", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var cli = await PortalServer.Run("a-long-enough-password\n", "user", "add", login, "--operator", "--data", server.Data, "--password-stdin");
        Assert.Equal(2, cli.Exit);
        Assert.Contains("LOGIN: 1 to 64 characters: letters, digits", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginInAnotherContentType_Is415_SayingWhat()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var answer = await http.PostAsync("/api/v1/session", new StringContent("""{"login":"cust-qc","password":"x"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Contains("application/json", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("cust-qc", server.Password("cust-qc"))).StatusCode);
    }

    private async Task<HttpResponseMessage> SignIn(string login, string password)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        return await http.PostAsJsonAsync("/api/v1/session", new { login, password });
    }

    private static async Task<HttpResponseMessage> Change(PortalClient client, string current, string @new)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/operator/password") { Content = JsonContent.Create(new { current, @new }) };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }
}
