using System.Net;
using System.Net.Http.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Logins and sessions over real HTTP against a real serve (issue 16): a new session at every login (no fixation),
/// cookie flags, logout on the server, lockout after wrong passwords and the operator's reset, anti-forgery on forms and
/// on the API's changes, and nothing but the login page and the assets answering without a session.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SessionSecurityTests(PortalServer server)
{
    [Fact]
    public async Task Login_GivesANewSessionToken_WhateverCookieTheBrowserCameWith()
    {
        using var client = new PortalClient(server.BaseAddress);
        client.Cookies.Add(server.BaseAddress, new Cookie("centrex_session", "planted-by-an-attacker-0123456789"));

        var response = await client.LoginAsync("cust-qc", server.Password("cust-qc"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/customer", response.Headers.Location!.OriginalString);
        Assert.NotNull(client.Session);
        Assert.NotEqual("planted-by-an-attacker-0123456789", client.Session);
        using var attacker = new PortalClient(server.BaseAddress);
        attacker.Cookies.Add(server.BaseAddress, new Cookie("centrex_session", "planted-by-an-attacker-0123456789"));
        Assert.Equal(HttpStatusCode.Found, (await attacker.Http.GetAsync("/customer")).StatusCode);
    }

    [Fact]
    public async Task LoggingInAgain_EndsTheSessionTheBrowserHad()
    {
        using var client = new PortalClient(server.BaseAddress);
        await client.LoginAsync("cust-qc", server.Password("cust-qc"));
        var first = client.Session!;

        await client.LoginAsync("cust-qc", server.Password("cust-qc"));

        Assert.NotEqual(first, client.Session);
        using var old = new PortalClient(server.BaseAddress);
        old.Cookies.Add(server.BaseAddress, new Cookie("centrex_session", first));
        var response = await old.Http.GetAsync("/customer");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnly_SameSiteStrict_AndNotMarkedSecureOverPlainHttp()
    {
        using var client = new PortalClient(server.BaseAddress);

        var response = await client.LoginAsync("cust-qc", server.Password("cust-qc"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("centrex_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite", string.Empty, StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(response.Headers.GetValues("Content-Security-Policy"), v => v.Contains("default-src 'self'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_EndsTheSessionOnTheServer_NotOnlyInTheBrowser()
    {
        using var client = new PortalClient(server.BaseAddress);
        await client.LoginAsync("cust-qc", server.Password("cust-qc"));
        var token = client.Session!;
        var form = await client.FormTokenAsync("/customer");

        var response = await client.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var replay = new PortalClient(server.BaseAddress);
        replay.Cookies.Add(server.BaseAddress, new Cookie("centrex_session", token));
        Assert.Equal(HttpStatusCode.Found, (await replay.Http.GetAsync("/customer")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.Http.GetAsync("/api/v1/me/invoices")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheLogin_EvenAgainstTheRightOne_UntilTheOperatorResetsIt()
    {
        await server.AddLogin("lockout-on", "CUST-ON", "right-password-1");
        using var client = new PortalClient(server.BaseAddress);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.LoginAsync("lockout-on", "wrong-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The login or the password is wrong.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await client.LoginAsync("lockout-on", "wrong-password");
        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await client.LoginAsync("lockout-on", "right-password-1");
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(client.Session);
        var api = await client.Http.PostAsJsonAsync("/api/v1/session", new { login = "lockout-on", password = "right-password-1" });
        Assert.Equal((HttpStatusCode)423, api.StatusCode);

        var reset = await PortalServer.Run("new-password-2\n", "user", "passwd", "lockout-on", "--data", server.Data, "--password-stdin");
        Assert.Equal(0, reset.Exit);

        Assert.Equal(HttpStatusCode.Found, (await client.LoginAsync("lockout-on", "new-password-2")).StatusCode);
        Assert.NotNull(client.Session);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiForgeryToken_IsRefused()
    {
        using var client = new PortalClient(server.BaseAddress);
        await client.LoginAsync("cust-qc", server.Password("cust-qc"));

        var response = await client.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/customer")).StatusCode);
    }

    [Fact]
    public async Task AnApiChangeWithASessionCookie_NeedsTheAntiForgeryHeader()
    {
        using var client = new PortalClient(server.BaseAddress);
        var login = await client.Http.PostAsJsonAsync("/api/v1/session", new { login = "cust-qc", password = server.Password("cust-qc") });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var without = await client.Http.DeleteAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("\"csrf\"", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await client.CsrfAsync();
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        request.Headers.Add("X-CSRF-Token", token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/v1/me/invoices")).StatusCode);
    }

    [Theory]
    [InlineData("/customer")]
    [InlineData("/customer/invoices")]
    [InlineData("/customer/calls")]
    [InlineData("/operator")]
    [InlineData("/operator/tariffs")]
    public async Task APage_WithoutASession_RedirectsToTheLoginPage(string path)
    {
        using var client = new PortalClient(server.BaseAddress);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/api/v1/me/invoices")]
    [InlineData("/api/v1/me/calls")]
    [InlineData("/api/v1/me/reports/xdr?from=2026-10-01&to=2026-10-31")]
    public async Task AnApiRoute_WithoutCredentials_Is401WithABearerChallenge(string path)
    {
        using var client = new PortalClient(server.BaseAddress);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task TheLoginPageAndTheAssets_AnswerWithoutASession()
    {
        using var client = new PortalClient(server.BaseAddress);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
        var css = await client.Http.GetAsync("/assets/portal.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }
}
