using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Centrex.Portal.Tests.Support;

/// <summary>A browser-like HTTP client of the portal: its own cookies, no automatic redirects, forms with their anti-forgery token.</summary>
public sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri baseAddress)
        : this(baseAddress, new HttpClientHandler())
    {
    }

    /// <summary>A client over <paramref name="handler"/> (e.g. one that pins a test certificate); its cookies and redirects are set here.</summary>
    public PortalClient(Uri baseAddress, HttpClientHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Cookies = new CookieContainer();
        handler.CookieContainer = Cookies;
        handler.AllowAutoRedirect = false;
        handler.UseCookies = true;
        _http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>The session cookie's value, or null.</summary>
    public string? Session => Cookies.GetCookies(_http.BaseAddress!)["centrex_session"]?.Value;

    /// <summary>Logs in through the login page's form; returns the response to the post.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string login, string password)
    {
        var token = await FormTokenAsync("/account/login");
        return await _http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The anti-forgery token of the form on <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        return Token().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no anti-forgery token on {path}");
    }

    /// <summary>The API's anti-forgery token for this session.</summary>
    public async Task<string> CsrfAsync() =>
        (await _http.GetFromJsonAsync<CsrfJson>("/api/v1/session/csrf"))!.Token;

    public void Dispose() => _http.Dispose();

    private sealed record CsrfJson(string Header, string Token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
