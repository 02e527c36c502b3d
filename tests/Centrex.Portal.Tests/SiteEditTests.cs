using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Sites editable by a customer when the operator allows it (issue 16: "Sites (the limits, read-only for customers if the
/// operator says so)"): read-only and refused with 403 until the operator ticks the site's flag; then the customer's form
/// goes through provisioning's validation (the field named beside it) and the running switch refuses the next call
/// over the new limit; a site shared with another customer's line stays the operator's (403).
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class SiteEditTests(PortalServer server)
{
    private const string Password = "st-phone-secret";

    [Fact]
    public async Task ASite_IsReadOnlyUntilTheOperatorAllowsIt_ThenTheCustomersLimitReachesTheSwitch()
    {
        await Provision();
        await server.AddLogin("cust-st", "CUST-ST", "cust-st-login-secret");
        using var st = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await st.LoginAsync("cust-st", "cust-st-login-secret")).StatusCode);

        // Read-only: no form, and a post made anyway is refused with the reason.
        var page = await st.Http.GetStringAsync("/customer/sites");
        Assert.Contains("<td>Studio</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit-st-studio\"", page, StringComparison.Ordinal);
        var refused = await Post(st, ("id", "st-studio"), ("name", "Studio"), ("max_outgoing", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("your service provider sets this site's limits", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(st, "st-studio", new { name = "Studio", max_outgoing = 0 })).StatusCode);

        // The operator allows it on its Sites page (limits kept).
        using var op = await Sessions.SignedIn(server, "operator");
        var allowed = await BillingPagesTests.Form(op, "/operator/sites", null, ("id", "st-studio"), ("name", "Studio"), ("max_calls", "10"), ("max_incoming", ""),
            ("max_outgoing", "5"), ("max_forwarded", ""), ("max_bandwidth_kbps", ""), ("max_incoming_kbps", ""), ("max_outgoing_kbps", ""), ("customer_editable", "true"));
        Assert.Contains("Site st-studio saved.", allowed, StringComparison.Ordinal);
        var sites = await st.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/sites");
        var studio = sites.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "st-studio");
        Assert.True(studio.GetProperty("editable").GetBoolean());

        // Provisioning's validation, its message beside the field it names.
        page = await st.Http.GetStringAsync("/customer/sites");
        Assert.Contains("id=\"edit-st-studio\"", page, StringComparison.Ordinal);
        var unnamed = await BillingPagesTests.Form(st, "/customer/sites", null, Fields(("name", " "), ("max_outgoing", "1")));
        Assert.Contains("id=\"site-st-studio-name-error\">sites (id &quot;st-studio&quot;): name is empty", unnamed, StringComparison.Ordinal);
        var letters = await BillingPagesTests.Form(st, "/customer/sites", null, Fields(("name", "Studio"), ("max_outgoing", "two")));
        Assert.Contains("id=\"site-st-studio-max_outgoing-error\">a whole number, 0 or more (empty: no limit)", letters, StringComparison.Ordinal);
        var api = await Put(st, "st-studio", new { name = "Studio", max_calls = -3 });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("max_calls", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        // Saved: no outgoing call at all on the site. The running switch refuses st401's next call (503, its Warning naming the new limit 0).
        var saved = await BillingPagesTests.Form(st, "/customer/sites", null, Fields(("name", "Studio A"), ("max_outgoing", "0")));
        Assert.Contains("Site Studio A saved", saved, StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        var full = await SippRetry.UntilSuccess(() => Sipp.Run("uac-site-no-outgoing", server.SipUdp, Sipp.FreeUdpPort(), "-s", "402", "-au", "st401", "-ap", Password));
        Assert.True(full.ExitCode == 0, $"the switch never refused with the new limit: {full.Output}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        var export = (await PortalServer.Run(null, "provision", "export", "--data", server.Data)).Output;
        Assert.Contains("\"name\": \"Studio A\"", export, StringComparison.Ordinal);
        Assert.Contains("\"customer_editable\": true", export, StringComparison.Ordinal);

        // A site with another customer's line in it stays the operator's even when flagged.
        var shared = await Put(st, "st-shared", new { name = "Shared", max_calls = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, shared.StatusCode);
        Assert.Contains("another customer", (await shared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit-st-shared\"", await st.Http.GetStringAsync("/customer/sites"), StringComparison.Ordinal);

        // The Default site is every customer's: the flag is refused on it, beside the box.
        var fallback = await BillingPagesTests.Form(op, "/operator/sites", null, ("id", "default"), ("name", "Default"), ("max_calls", ""), ("max_incoming", ""),
            ("max_outgoing", ""), ("max_forwarded", ""), ("max_bandwidth_kbps", ""), ("max_incoming_kbps", ""), ("max_outgoing_kbps", ""), ("customer_editable", "true"));
        Assert.Contains("customer_editable: the Default site is shared by every customer", fallback, StringComparison.Ordinal);
    }

    private static (string, string)[] Fields(params (string Name, string Value)[] values)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = "st-studio", ["name"] = "Studio", ["max_calls"] = "10", ["max_incoming"] = "", ["max_outgoing"] = "5", ["max_forwarded"] = "",
            ["max_bandwidth_kbps"] = "", ["max_incoming_kbps"] = "", ["max_outgoing_kbps"] = "",
        };
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return [.. all.Select(kv => (kv.Key, kv.Value))];
    }

    private static async Task<HttpResponseMessage> Post(PortalClient client, params (string Name, string Value)[] fields)
    {
        var token = await client.FormTokenAsync("/customer/sites");
        return await client.Http.PostAsync("/customer/sites", new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]));
    }

    private static async Task<HttpResponseMessage> Put(PortalClient client, string site, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/me/sites/{site}") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }

    // CUST-ST (no other test looks at it): st401 and st402 in site st-studio; ST-OTHER's line and one of CUST-ST's share st-shared.
    private async Task Provision()
    {
        string Ha1(string user) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}:centrex:{Password}")));
        var file = Path.Combine(server.Data, "st-lines.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "sites": [ { "id": "st-studio", "name": "Studio", "max_calls": 10, "max_outgoing": 5 },
                         { "id": "st-shared", "name": "Shared", "customer_editable": true } ],
              "customers": [
                { "id": "CUST-ST", "company": "Site Test Ltd.", "contact": "Sam", "email": "ap@sites.example",
                  "address": { "street": "1 Main St", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J 2L4" },
                  "currency": "CAD", "time_zone": "America/Toronto" },
                { "id": "ST-OTHER", "company": "Other Tenant Ltd.", "contact": "Olga", "email": "ap@other.example",
                  "address": { "street": "2 Main St", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J 2L4" },
                  "currency": "CAD", "time_zone": "America/Toronto" } ],
              "accounts": [
                { "id": "ACC-ST1", "customer": "CUST-ST", "type": "credit", "credit_limit": "100.00", "requires_911": false, "extension": "401", "site": "st-studio",
                  "sip": { "username": "st401", "ha1_md5": "{{Ha1("st401")}}" } },
                { "id": "ACC-ST2", "customer": "CUST-ST", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "402", "site": "st-studio",
                  "sip": { "username": "st402", "ha1_md5": "{{Ha1("st402")}}" } },
                { "id": "ACC-ST3", "customer": "CUST-ST", "type": "credit", "credit_limit": "0.00", "requires_911": false, "site": "st-shared" },
                { "id": "ACC-ST9", "customer": "ST-OTHER", "type": "credit", "credit_limit": "0.00", "requires_911": false, "site": "st-shared" } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
