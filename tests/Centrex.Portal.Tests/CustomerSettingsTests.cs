using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The customer's IP Centrex settings and billing pages (issue 16, seed 004): sites read-only and only the customer's
/// own; abbreviated dialing and dialing rules changed through provisioning's validation (import's message beside the
/// field) and in the store the switch reads; a DID moved between the customer's lines, another customer's number or
/// line 404; subscriptions active then pending; auto-pay settings; the billing summary's windows.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CustomerSettingsTests(PortalServer server)
{
    // CUST-AB gets a second phone line and a DID on its first (as an operator would provision them); no other test uses it.
    private const string AbLines = """
        { "format": "centrex-provisioning/1",
          "accounts": [
            { "id": "ACC-1005", "customer": "CUST-AB", "type": "credit", "credit_limit": "250.00", "requires_911": false,
              "sip": { "username": "ab105", "ha1_md5": "00000000000000000000000000000000" }, "dids": ["+14035550105"] },
            { "id": "ACC-1105", "customer": "CUST-AB", "type": "credit", "credit_limit": "0.00", "requires_911": false, "site": "Front desk",
              "sip": { "username": "ab115", "ha1_md5": "00000000000000000000000000000000" } } ] }
        """;

    [Fact]
    public async Task Sites_ShowOnlyTheSitesOfTheCustomersOwnLines_ReadOnly()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        var page = await qc.Http.GetStringAsync("/customer/sites");
        Assert.Contains("<td>Atelier</td><td>ACC-1001, ACC-1101, ACC-1201</td>", page, StringComparison.Ordinal); // the bakery's three phones (demo)
        Assert.DoesNotContain("Front desk", page, StringComparison.Ordinal); // CUST-ON's site
        Assert.DoesNotContain("<form", page[page.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var sites = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/sites");
        Assert.Equal(["Atelier"], sites.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AbbreviatedDialing_IsValidatedLikeImport_SavedToTheStore_AndDeleted()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");

        var bad = await BillingPagesTests.Form(on, "/customer/abbreviated-dialing", null, ("code", "1a"), ("dial", "+14165550100"));
        Assert.Contains("id=\"code-error\">customers (id &quot;CUST-ON&quot;): field &quot;abbreviated_dialing.code&quot;: &#x27;1a&#x27; is not 1 to 15 digits, * or #", bad, StringComparison.Ordinal);
        var spaces = await BillingPagesTests.Form(on, "/customer/abbreviated-dialing", null, ("code", "189"), ("dial", "416 555"));
        Assert.Contains("id=\"dial-error\">", spaces, StringComparison.Ordinal);

        var saved = await BillingPagesTests.Form(on, "/customer/abbreviated-dialing", null, ("code", "188"), ("dial", "+14165550188"));
        Assert.Contains("Abbreviated number 188 saved.", saved, StringComparison.Ordinal);
        Assert.Contains("<td>188</td><td>&#x2B;14165550188</td>", saved, StringComparison.Ordinal);
        Assert.Equal("+14165550188", (await Customer("CUST-ON")).GetProperty("abbreviated_dialing").GetProperty("188").GetString());
        Assert.Equal("+14165550188", (await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan")).GetProperty("abbreviated_dialing").GetProperty("188").GetString());

        var deleted = await BillingPagesTests.Form(on, "/customer/abbreviated-dialing", "Delete", ("code", "188"));
        Assert.Contains("Abbreviated number 188 deleted.", deleted, StringComparison.Ordinal);
        Assert.False((await Customer("CUST-ON")).TryGetProperty("abbreviated_dialing", out var table) && table.TryGetProperty("188", out _));
        var csrf = await on.CsrfAsync();
        using var again = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me/dial-plan/abbreviated/188");
        again.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.NotFound, (await on.Http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task DialingRules_AreChosenOnThePage_AndAnUnknownOneIsRefusedByTheApi()
    {
        using var ns = await Sessions.SignedIn(server, "cust-ns");

        var saved = await BillingPagesTests.Form(ns, "/customer/dialing-rules", null, ("rules", "north-america"));
        Assert.Contains("Dialing rules saved.", saved, StringComparison.Ordinal);
        Assert.Contains("011 44 20 7946 0018", saved, StringComparison.Ordinal);
        Assert.Equal("north-america", (await ns.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan")).GetProperty("dialing_rules").GetString());
        Assert.Equal("north-america", (await Customer("CUST-NS")).GetProperty("dialing_rules").GetString());

        var bad = await Send(ns, HttpMethod.Put, "/api/v1/me/dial-plan/rules", """{"dialing_rules":"mars"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("dialing_rules", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Send(ns, HttpMethod.Put, "/api/v1/me/dial-plan/rules", """{"dialing_rules":"e164"}""")).StatusCode);
    }

    [Fact]
    public async Task ADid_MovesBetweenTheCustomersLines_AndAnotherCustomersNumberOrLineIs404()
    {
        var file = Path.Combine(server.Data, "ab-lines.json");
        await File.WriteAllTextAsync(file, AbLines);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
        using var ab = await Sessions.SignedIn(server, "cust-ab");

        // The portal reads provisioning again when the store changed, at most every 250 ms: wait for the import to show.
        var dids = await ab.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dids");
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (dids.GetArrayLength() == 0 && !patience.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
                dids = await ab.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dids");
            }
        }

        Assert.Equal(("+14035550105", "ACC-1005"), (dids[0].GetProperty("number").GetString(), dids[0].GetProperty("line").GetString()));
        var moved = await BillingPagesTests.Form(ab, "/customer/dids", null, ("did", "14035550105"), ("line", "ACC-1105"));
        Assert.Contains("14035550105 now rings line ACC-1105.", moved, StringComparison.Ordinal);
        var accounts = (await Export()).GetProperty("accounts").EnumerateArray().ToList();
        Assert.Equal(["14035550105"], accounts.Single(a => a.GetProperty("id").GetString() == "ACC-1105").GetProperty("dids").EnumerateArray().Select(d => d.GetString()));
        Assert.False(accounts.Single(a => a.GetProperty("id").GetString() == "ACC-1005").TryGetProperty("dids", out var left) && left.GetArrayLength() > 0);

        // The other customer's side: CUST-ON cannot move CUST-AB's number, nor CUST-AB move it to CUST-ON's line.
        using var on = await Sessions.SignedIn(server, "cust-on");
        Assert.Equal(HttpStatusCode.NotFound, (await Send(on, HttpMethod.Put, "/api/v1/me/dids/+14035550105", """{"line":"ACC-1002"}""")).StatusCode);
        Assert.DoesNotContain("14035550105", await on.Http.GetStringAsync("/api/v1/me/dids"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(ab, HttpMethod.Put, "/api/v1/me/dids/+14035550105", """{"line":"ACC-1002"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(ab, HttpMethod.Put, "/api/v1/me/dids/+14035550105", """{"line":"ACC-1005"}""")).StatusCode);

        // CUST-AB's sites: its own line in Front desk shows, with only its own line listed there.
        var sites = await ab.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/sites");
        var front = sites.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "Front desk");
        Assert.Equal(["ACC-1105"], front.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Subscriptions_ListThoseInForce_NotTheEndedOnes()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");

        var list = await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/subscriptions");
        Assert.Equal(["SUB-3"], list.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(34_990, list[0].GetProperty("monthly_fee_mills").GetInt64());
        var page = await on.Http.GetStringAsync("/customer/subscriptions");
        Assert.Contains("<td>Business Pro</td><td>ACC-1002</td><td class=\"num\">34.99 CAD / month</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>2026-10-12</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Business Basic", page, StringComparison.Ordinal); // SUB-2 ended on 2026-10-11
    }

    [Fact]
    public async Task PaymentInfo_SavesAutoPayOnTheCustomer_AndNamesAThresholdWithoutAnAmount()
    {
        await server.AddLogin("autopay-us", "CUST-US", "autopay-password-1");
        using var us = new PortalClient(server.BaseAddress);
        await us.LoginAsync("autopay-us", "autopay-password-1");

        var half = await BillingPagesTests.Form(us, "/customer/payment-info", null, ("card", "tok_visa"), ("label", "VISA ****4242"), ("recharge_below", "10.00"));
        Assert.Contains("id=\"recharge_amount-error\">how much each top-up is", half, StringComparison.Ordinal);
        var saved = await BillingPagesTests.Form(us, "/customer/payment-info", null,
            ("card", "tok_visa"), ("label", "VISA ****4242"), ("pay_invoices", "true"), ("recharge_below", "10.00"), ("recharge_amount", "25.00"));
        Assert.Contains("Payment info saved.", saved, StringComparison.Ordinal);
        Assert.Contains("id=\"card-on-file\">VISA ****4242", saved, StringComparison.Ordinal);
        var autoPay = (await Customer("CUST-US")).GetProperty("auto_pay");
        Assert.Equal(("tok_visa", "VISA ****4242", true), (autoPay.GetProperty("card_token").GetString(), autoPay.GetProperty("card_label").GetString(), autoPay.GetProperty("pay_invoices").GetBoolean()));
        Assert.Equal(("10.000", "25.000"), (autoPay.GetProperty("recharge_below").GetString(), autoPay.GetProperty("recharge_amount").GetString()));

        var off = await BillingPagesTests.Form(us, "/customer/payment-info", "Remove");
        Assert.Contains("Automatic payments are off.", off, StringComparison.Ordinal);
        Assert.False((await Customer("CUST-US")).TryGetProperty("auto_pay", out _));
    }

    [Fact]
    public async Task TheBillingSummary_ShowsTheLastPayment_TheInvoicesAndTheSubscriptions()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        var page = await qc.Http.GetStringAsync("/customer/billing");
        Assert.Contains("id=\"last-payment\">2026-11-12: 80.00 CAD", page, StringComparison.Ordinal); // the demo's November payment
        Assert.Contains("Business Pro (line ACC-1001)", page, StringComparison.Ordinal);
        Assert.Contains("<li>International volume</li>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"balance-due\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageOfTheCustomersMenu_Answers_AndNoneOpensForTheOperator()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        using var op = await Sessions.SignedIn(server, "operator");
        // Every tab, then every page in each tab's side menu (the layout shows the pages of the open tab).
        var seen = new List<string> { "/customer" };
        for (var i = 0; i < seen.Count; i++)
        {
            var mine = await qc.Http.GetAsync(seen[i]);
            Assert.True(mine.StatusCode == HttpStatusCode.OK, $"{seen[i]}: {mine.StatusCode}");
            var html = await mine.Content.ReadAsStringAsync();
            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/customer[a-z/-]*)\"").Select(m => m.Groups[1].Value).Distinct().Where(l => !seen.Contains(l)));
            var theirs = await op.Http.GetAsync(seen[i]);
            Assert.True(theirs.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Found, $"operator on {seen[i]}: {theirs.StatusCode}");
        }

        foreach (var page in new[] { "/customer/sites", "/customer/dids", "/customer/abbreviated-dialing", "/customer/dialing-rules", "/customer/billing", "/customer/subscriptions", "/customer/payment-info", "/customer/extensions", "/customer/profile", "/customer/transactions",
            "/customer/incoming-calls", "/customer/identity", "/customer/huntgroups", "/customer/music-on-hold" })
        {
            Assert.Contains(page, seen);
        }
    }

    // What provision export says now (the store the switch reads), parsed.
    private async Task<JsonElement> Export()
    {
        var run = await PortalServer.Run(null, "provision", "export", "--data", server.Data);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private async Task<JsonElement> Customer(string id) =>
        (await Export()).GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, string json)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
