using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The portal over HTTPS (issue 16: cookies HttpOnly, Secure when over TLS, SameSite), against a real serve with
/// <c>--https</c> on a certificate made when the test runs, beside its plain <c>--http</c> listener, and
/// <c>--trusted-proxy 127.0.0.2</c>: a reverse proxy's X-Forwarded-Proto is believed from that address only.
/// </summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private const string Password = "https-password-123";
    private readonly OwnServe _serve = new("centrex-https-");
    private X509Certificate2 _certificate = null!;
    private Uri _http = null!;
    private Uri _https = null!;

    public async Task InitializeAsync()
    {
        _certificate = TestCertificates.SelfSigned();
        var (cert, key) = TestCertificates.WritePem(_certificate, _serve.Data, "portal");
        await _serve.AddLogin("ops", null, Password);
        var listeners = await _serve.StartAsync("--https", "127.0.0.1:0", "--https-cert", cert, "--https-key", key, "--trusted-proxy", "127.0.0.2");
        (_http, _https) = (listeners[0], listeners[1]);
        Assert.Equal((Uri.UriSchemeHttp, Uri.UriSchemeHttps), (_http.Scheme, _https.Scheme));
    }

    public async Task DisposeAsync()
    {
        await _serve.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task OverHttps_TheSessionAndAntiForgeryCookies_AreSecure_HttpOnly_SameSiteStrict()
    {
        using var client = new PortalClient(_https, Pinned());

        var form = await client.Http.GetAsync("/account/login");
        var csrf = Cookie(form, "centrex_csrf");
        var login = await client.LoginAsync("ops", Password);
        var session = Cookie(login, "centrex_session");

        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        foreach (var cookie in new[] { csrf, session })
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        // The browser sends the Secure cookie back over TLS: the session works there.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/operator")).StatusCode);
    }

    [Fact]
    public async Task OverPlainHttp_TheSameCookies_AreNotMarkedSecure()
    {
        using var client = new PortalClient(_http);

        var csrf = Cookie(await client.Http.GetAsync("/account/login"), "centrex_csrf");
        var session = Cookie(await client.LoginAsync("ops", Password), "centrex_session");

        Assert.DoesNotContain("; secure", csrf, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task XForwardedProto_IsIgnoredFromAnUntrustedAddress_AndBelievedFromTheTrustedProxy()
    {
        // 127.0.0.1 is not the trusted proxy: its "https" is a claim anyone could make.
        using var untrusted = new HttpClient { BaseAddress = _http };
        var fromUntrusted = Cookie(await ApiLogin(untrusted), "centrex_session");
        Assert.DoesNotContain("; secure", fromUntrusted, StringComparison.OrdinalIgnoreCase);

        // 127.0.0.2 is the proxy that ends TLS: the browser behind it came over HTTPS, so the cookie is Secure.
        using var proxy = SecondLoopback.Client(_http, useCookies: false);
        var fromProxy = Cookie(await ApiLogin(proxy), "centrex_session");
        Assert.Contains("; secure", fromProxy, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> ApiLogin(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session") { Content = JsonContent.Create(new { login = "ops", password = Password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(name + "=", StringComparison.Ordinal));

    /// <summary>Trusts exactly the certificate made for this serve (not every certificate).</summary>
    private HttpClientHandler Pinned() => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(_certificate.RawData),
    };
}
