using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centrex.Portal.Security;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Anti-forgery on every form and every API change (issue 16: "cookie sessions with anti-forgery tokens on every
/// form"), found rather than listed: the test walks every page reachable from the customer's and the operator's menus
/// as a signed-in user, collects each <c>&lt;form method="post"&gt;</c> with its action, and posts each one without its
/// token and with a token of another session; the API's changes come from the OpenAPI document. A form or route added
/// without protection is found by the walk and fails here.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class CsrfSweepTests(PortalServer server)
{
    /// <summary>Pages of each kind the walk opens at most (a table's pages and a customer's many lines add nothing new).</summary>
    private const int MaxPagesPerKind = 4;

    [Theory]
    [InlineData("cust-qc", "/customer", 25)]
    [InlineData("operator", "/operator", 10)]
    public async Task EveryPostForm_WithoutItsToken_OrWithAnotherSessionsToken_Is400(string login, string home, int fewestForms)
    {
        using var client = await Sessions.SignedIn(server, login);
        using var other = await Sessions.SignedIn(server, login); // the same login in another browser
        var otherToken = await other.FormTokenAsync(home);

        var forms = await Walk(client, home);

        Assert.True(forms.Count >= fewestForms, $"the walk found {forms.Count} post forms from {home}: {string.Join(", ", forms.Keys)}");
        var unprotected = new List<string>();
        foreach (var (action, (page, multipart)) in forms)
        {
            foreach (var token in new[] { null, otherToken })
            {
                var fields = new Dictionary<string, string> { ["probe"] = "1" };
                if (token is not null)
                {
                    fields["__RequestVerificationToken"] = token;
                }

                using var response = await client.Http.PostAsync(action, Body(fields, multipart));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains(FormCsrfRefusal.Message, StringComparison.Ordinal))
                {
                    unprotected.Add($"{action} (form on {page}) {(token is null ? "without a token" : "with another session's token")}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(unprotected.Count == 0, "forms that took a forged post:\n" + string.Join("\n", unprotected));
        // Still signed in: the forged logout did not end the session.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(home)).StatusCode);
    }

    [Theory]
    [InlineData("cust-qc", "/api/v1/me/")]
    [InlineData("operator", "/api/v1/operator/")]
    public async Task EveryApiChange_WithASessionCookie_AndNoTokenOrAnotherSessionsToken_Is400Csrf(string login, string prefix)
    {
        using var client = await Sessions.SignedIn(server, login);
        using var other = await Sessions.SignedIn(server, login);
        var otherToken = await other.CsrfAsync();
        var document = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var changes = new List<(HttpMethod Method, string Path)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "post" or "put" or "patch" or "delete")
                {
                    // Every route value as "1": the check comes before the route looks anything up.
                    changes.Add((new HttpMethod(operation.Name.ToUpperInvariant()), RouteValue().Replace(path.Name, "1")));
                }
            }
        }

        Assert.True(changes.Count >= 5, $"the OpenAPI document lists {changes.Count} changes under {prefix}");
        var unprotected = new List<string>();
        foreach (var (method, path) in changes)
        {
            foreach (var token in new[] { null, otherToken })
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                if (token is not null)
                {
                    request.Headers.Add(PortalHost.CsrfHeader, token);
                }

                using var response = await client.Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (!(response.StatusCode == HttpStatusCode.BadRequest && text.Contains("\"csrf\"", StringComparison.Ordinal)) && response.StatusCode != HttpStatusCode.Forbidden)
                {
                    unprotected.Add($"{method} {path} {(token is null ? "without a token" : "with another session's token")}: {(int)response.StatusCode} {text}");
                }
            }
        }

        Assert.True(unprotected.Count == 0, "API changes that took a forged request:\n" + string.Join("\n", unprotected));
    }

    /// <summary>
    /// Opens <paramref name="home"/> and every page linked from it under the same root, breadth first (the menus first),
    /// and returns each post form's action with the page it was found on and whether it posts multipart.
    /// </summary>
    private static async Task<SortedDictionary<string, (string Page, bool Multipart)>> Walk(PortalClient client, string home)
    {
        var forms = new SortedDictionary<string, (string, bool)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { home };
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>([home]);
        while (queue.TryDequeue(out var page))
        {
            using var response = await client.Http.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in Form().Matches(html))
            {
                var attributes = form.Groups[1].Value;
                if (!Attribute(attributes, "method").Equals("post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var action = WebUtility.HtmlDecode(Attribute(attributes, "action"));
                forms.TryAdd(action.Length == 0 ? page : action, (page, Attribute(attributes, "enctype").Contains("multipart", StringComparison.OrdinalIgnoreCase)));
            }

            foreach (Match link in Link().Matches(html))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                var path = href.Split('?', '#')[0];
                if (!path.StartsWith(home, StringComparison.Ordinal) || Download().IsMatch(href) || !seen.Add(href))
                {
                    continue;
                }

                // One kind of page is its path with the ids taken out: a few of each are enough.
                var kind = Id().Replace(path, "/*");
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (kinds[kind] <= MaxPagesPerKind)
                {
                    queue.Enqueue(href);
                }
            }
        }

        return forms;
    }

    private static HttpContent Body(Dictionary<string, string> fields, bool multipart)
    {
        if (!multipart)
        {
            return new FormUrlEncodedContent(fields);
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    private static string Attribute(string attributes, string name) =>
        Regex.Match(attributes, $"""\b{name}="([^"]*)" """.TrimEnd(), RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : string.Empty;

    [GeneratedRegex("<form\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("<a\\b[^>]*\\bhref=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(csv=|format=|\.(pdf|csv|xlsx|wav)\b|/download|/pdf|/xlsx)", RegexOptions.IgnoreCase)]
    private static partial Regex Download();

    [GeneratedRegex(@"/[^/]*\d[^/]*")]
    private static partial Regex Id();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
