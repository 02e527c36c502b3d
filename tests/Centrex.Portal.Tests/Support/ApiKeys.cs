using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Centrex.Portal.Tests.Support;

/// <summary>API keys made with <c>centrex apikey create</c> against the running serve's data, and requests that carry one.</summary>
public static partial class ApiKeys
{
    /// <summary>The header line of a CDR batch (<c>POST /api/v1/cdr-batches</c>), line break included.</summary>
    public const string CdrHeader = "id,account,caller,callee,start,duration\n";

    /// <summary>A new key with <paramref name="scopes"/>.</summary>
    public static Task<string> Create(PortalServer server, params string[] scopes) => Make(server, [], scopes);

    /// <summary>A new key bound to <paramref name="customer"/> (<c>apikey create --customer</c>) with <paramref name="scopes"/>.</summary>
    public static Task<string> CreateForCustomer(PortalServer server, string customer, params string[] scopes) => Make(server, ["--customer", customer], scopes);

    /// <summary>The id of <paramref name="key"/>: <c>cxk_ID_SECRET</c>, the id is its public part.</summary>
    public static string Id(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Split('_')[1];
    }

    /// <summary>The key a page shows once, just made (<c>&lt;code id="new-key"&gt;</c>); fails the test when the page shows none.</summary>
    public static string Shown(string html) =>
        NewKey().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no key shown:\n" + html);

    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with <paramref name="key"/> (none when null), a body (none when null) and an Idempotency-Key (none when null).</summary>
    public static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? key, string? json = null, string contentType = "application/json", string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        return http.SendAsync(request);
    }

    /// <summary>Posts the CDR batch <paramref name="csv"/> (with <see cref="CdrHeader"/>) to <paramref name="path"/> with <paramref name="key"/> and <paramref name="idempotencyKey"/>.</summary>
    public static Task<HttpResponseMessage> PostBatch(HttpClient http, string path, string? key, string idempotencyKey, string csv = CdrHeader) =>
        Send(http, HttpMethod.Post, path, key, csv, "text/csv", idempotencyKey);

    /// <summary>Posts the CDR batch <paramref name="csv"/> to <c>/api/v1/cdr-batches</c>, which must answer 200 having rated <paramref name="rows"/> rows.</summary>
    public static async Task Rate(HttpClient http, string key, string idempotencyKey, string csv, int rows)
    {
        using var response = await PostBatch(http, "/api/v1/cdr-batches", key, idempotencyKey, csv);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer);
        Assert.Equal(rows, JsonDocument.Parse(answer).RootElement.GetProperty("summary").GetProperty("rated").GetInt32());
    }

    private static async Task<string> Make(PortalServer server, string[] customer, string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(server);
        var run = await PortalServer.Run(null, ["apikey", "create", "--data", server.Data, .. customer, .. scopes.SelectMany(s => new[] { "--scope", s })]);
        Assert.True(run.Exit == 0, run.Error);
        return run.Output.Trim();
    }

    [GeneratedRegex("<code id=\"new-key\">([^<]+)</code>")]
    private static partial Regex NewKey();
}
