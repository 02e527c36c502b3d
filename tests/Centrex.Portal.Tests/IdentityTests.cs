using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Identity (issue 16, seed 004: Hide CLI never/always/automatic with the hide and show prefixes; the number shown,
/// one of the line's DIDs): each line's form read and validated as <c>provision import</c> reads a file, the refusal
/// beside the field it names; the prefixes kept only with Automatic; another customer's line 404 on page and API.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class IdentityTests(PortalServer server)
{
    [Fact]
    public async Task ALinesIdentity_IsValidatedLikeImport_BesideTheField_AndSaved()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");

        var page = await ns.Http.GetStringAsync("/customer/identity");
        Assert.Contains("<option value=\"19025550113\">+19025550113</option>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"id-ACC-1003-hide_cli_prefix\">Hide CLI prefix</label>", page, StringComparison.Ordinal);

        var letters = await BillingPagesTests.Form(ns, "/customer/identity", null,
            ("line", "ACC-1003"), ("caller_id", "19025550113"), ("hide_cli", "automatic"), ("hide_cli_prefix", "*6a"), ("show_cli_prefix", ""));
        Assert.Contains("id=\"id-ACC-1003-hide_cli_prefix-error\">", letters, StringComparison.Ordinal);
        Assert.Contains("&#x27;*6a&#x27; is not a dialing prefix", letters, StringComparison.Ordinal);
        Assert.Contains("value=\"*6a\"", letters, StringComparison.Ordinal); // what was typed stays in the form
        var overlap = await BillingPagesTests.Form(ns, "/customer/identity", null,
            ("line", "ACC-1003"), ("caller_id", ""), ("hide_cli", "automatic"), ("hide_cli_prefix", "*67"), ("show_cli_prefix", "*6"));
        Assert.Contains("id=\"id-ACC-1003-hide_cli_prefix-error\">", overlap, StringComparison.Ordinal);
        Assert.Contains("overlap", overlap, StringComparison.Ordinal);

        var saved = await BillingPagesTests.Form(ns, "/customer/identity", null,
            ("line", "ACC-1003"), ("caller_id", "19025550113"), ("hide_cli", "automatic"), ("hide_cli_prefix", "*67"), ("show_cli_prefix", "*82"));
        Assert.Contains("Identity of line ACC-1003 saved.", saved, StringComparison.Ordinal);
        Assert.Contains("<option value=\"19025550113\" selected=\"selected\">", saved, StringComparison.Ordinal);
        var line = await Account("ACC-1003");
        Assert.Equal(("+19025550113", "*67", "*82"), (line.GetProperty("caller_id").GetString(), line.GetProperty("hide_cli_prefix").GetString(), line.GetProperty("show_cli_prefix").GetString()));

        // Always hides every call: the prefixes mean nothing then and are cleared, not refused.
        var always = await BillingPagesTests.Form(ns, "/customer/identity", null,
            ("line", "ACC-1003"), ("caller_id", "19025550113"), ("hide_cli", "always"), ("hide_cli_prefix", "*67"), ("show_cli_prefix", "*82"));
        Assert.Contains("Identity of line ACC-1003 saved.", always, StringComparison.Ordinal);
        line = await Account("ACC-1003");
        Assert.Equal("always", line.GetProperty("hide_cli").GetString());
        Assert.False(line.TryGetProperty("hide_cli_prefix", out _));

        var api = await ns.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/identity");
        var mine = api.EnumerateArray().Single(l => l.GetProperty("line").GetString() == "ACC-1003");
        Assert.Equal(("19025550113", "always"), (mine.GetProperty("caller_id").GetString(), mine.GetProperty("hide_cli").GetString()));
    }

    [Fact]
    public async Task ANumberNotTheLines_AndAnotherCustomersLine_AreRefused()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");

        // A DID of the customer's other line is not this line's to show.
        var other = await Put(ns, "ACC-1103", """{"caller_id":"+19025550103","hide_cli":"never"}""");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        var error = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("caller_id", error.GetProperty("field").GetString());
        Assert.Contains("is not one of its dids", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Put(ns, "ACC-1103", """{"hide_cli":"sometimes"}""")).StatusCode);

        // CUST-QC's line ACC-1001: never listed, 404 on the API and the page, and left as it was.
        Assert.DoesNotContain("ACC-1001", await ns.Http.GetStringAsync("/customer/identity"), StringComparison.Ordinal);
        Assert.DoesNotContain("ACC-1001", await ns.Http.GetStringAsync("/api/v1/me/identity"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Put(ns, "ACC-1001", """{"hide_cli":"always"}""")).StatusCode);
        var token = await ns.FormTokenAsync("/customer/identity");
        var post = await ns.Http.PostAsync("/customer/identity", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["line"] = "ACC-1001", ["hide_cli"] = "always", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False((await Account("ACC-1001")).TryGetProperty("hide_cli", out _));
    }

    private async Task<JsonElement> Account(string id)
    {
        var run = await PortalServer.Run(null, "provision", "export", "--data", server.Data);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == id).Clone();
    }

    private static async Task<HttpResponseMessage> Put(PortalClient client, string line, string json)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/me/lines/{line}/identity") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
