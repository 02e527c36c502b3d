using System.Net.Http.Headers;
using System.Text;

namespace Centrex.Portal.Tests.Support;

/// <summary>API keys made with <c>centrex apikey create</c> against the running serve's data, and requests that carry one.</summary>
public static class ApiKeys
{
    /// <summary>A new key with <paramref name="scopes"/>.</summary>
    public static async Task<string> Create(PortalServer server, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(server);
        var run = await PortalServer.Run(null, ["apikey", "create", "--data", server.Data, .. scopes.SelectMany(s => new[] { "--scope", s })]);
        Assert.True(run.Exit == 0, run.Error);
        return run.Output.Trim();
    }

    /// <summary>A new key bound to <paramref name="customer"/> (<c>apikey create --customer</c>) with <paramref name="scopes"/>.</summary>
    public static async Task<string> CreateForCustomer(PortalServer server, string customer, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(server);
        var run = await PortalServer.Run(null, ["apikey", "create", "--data", server.Data, "--customer", customer, .. scopes.SelectMany(s => new[] { "--scope", s })]);
        Assert.True(run.Exit == 0, run.Error);
        return run.Output.Trim();
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <paramref name="key"/> (none when null) and a JSON body (none when null).</summary>
    public static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? key, string? json = null, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        return http.SendAsync(request);
    }
}
