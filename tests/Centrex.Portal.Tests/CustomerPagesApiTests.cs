using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16: "One REST API ... that the pages use too, so everything a page does can be scripted." The Dashboard, My
/// Profile, Transactions, Make a Payment and Payment Info pages over <c>/api/v1/me</c>, against the running serve: the
/// same figures as the pages, the same refusals naming the same field, anti-forgery for a session's changes.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CustomerPagesApiTests(PortalServer server)
{
    [Fact]
    public async Task TheDashboard_ShowsWhatThePageShows()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var dashboard = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dashboard");
        var page = await qc.Http.GetStringAsync("/customer");

        Assert.Equal("CUST-QC", dashboard.GetProperty("customer").GetProperty("id").GetString());
        Assert.Contains(dashboard.GetProperty("customer").GetProperty("company").GetString()!, page, StringComparison.Ordinal);
        var recent = dashboard.GetProperty("recent_calls").EnumerateArray().ToList();
        Assert.InRange(recent.Count, 1, 5);
        var newest = (await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=10")).GetProperty("calls")[0].GetProperty("id").GetString();
        Assert.Equal(newest, recent[0].GetProperty("id").GetString());
        var invoices = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices");
        Assert.Equal(invoices[0].GetProperty("number").GetInt64(), dashboard.GetProperty("last_invoice").GetProperty("number").GetInt64());
        Assert.Equal(dashboard.GetProperty("balance_mills").GetInt64(), long.Parse(dashboard.GetProperty("balance").GetString()!.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheProfile_ChangesOverTheApi_WithThePagesRefusals_AndThePasswordEndsOtherSessions()
    {
        using var me = await TestCustomers.Add(server, "CUST-PROF", "cust-prof");
        using var other = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await other.LoginAsync("cust-prof", TestCustomers.Password)).StatusCode);

        // A session's change without the anti-forgery token is refused.
        using (var bare = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/profile") { Content = JsonContent.Create(new { email = "a@b.example" }) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await me.Http.SendAsync(bare)).StatusCode);
        }

        await Refused(me, HttpMethod.Put, "/api/v1/me/profile", new { contact = "Ana", email = "no-at-sign", time_zone = "America/Toronto" }, "email");
        await Refused(me, HttpMethod.Put, "/api/v1/me/profile", new { contact = "Ana", email = "ana@prof.example", time_zone = "Mars/Olympus" }, "time_zone");
        await Refused(me, HttpMethod.Put, "/api/v1/me/profile", new { contact = new string('x', 101), email = "ana@prof.example", time_zone = "America/Toronto" }, "contact");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(me, HttpMethod.Put, "/api/v1/me/profile", new { contact = "Ana Lystova", email = "ana@prof.example", time_zone = "America/Vancouver" })).StatusCode);
        var profile = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");
        Assert.Equal(("Ana Lystova", "ana@prof.example", "America/Vancouver"),
            (profile.GetProperty("contact").GetString(), profile.GetProperty("email").GetString(), profile.GetProperty("time_zone").GetString()));
        Assert.Contains("value=\"Ana Lystova\"", await me.Http.GetStringAsync("/customer/profile"), StringComparison.Ordinal);

        await Refused(me, HttpMethod.Put, "/api/v1/me/profile/language", new { language = "xx" }, "language");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(me, HttpMethod.Put, "/api/v1/me/profile/language", new { language = "fr" })).StatusCode);
        Assert.Equal("fr", (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/profile")).GetProperty("language").GetString());

        await Refused(me, HttpMethod.Put, "/api/v1/me/profile/password", new { current = "not-it", @new = "Another-pass-2026" }, "current");
        await Refused(me, HttpMethod.Put, "/api/v1/me/profile/password", new { current = TestCustomers.Password, @new = "short" }, "new");
        var before = me.Session;
        Assert.Equal(HttpStatusCode.NoContent, (await Send(me, HttpMethod.Put, "/api/v1/me/profile/password", new { current = TestCustomers.Password, @new = "Another-pass-2026" })).StatusCode);
        Assert.NotEqual(before, me.Session);
        Assert.Equal(HttpStatusCode.OK, (await me.Http.GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Http.GetAsync("/api/v1/me/profile")).StatusCode);
        using var again = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await again.LoginAsync("cust-prof", "Another-pass-2026")).StatusCode);
    }

    /// <summary>
    /// Review item 5: the Extensions page's change (line, extension, name) over the API, through the same provisioning
    /// validation (an emergency number refused naming <c>extension</c>), anti-forgery for a session, 404 for another
    /// customer's line, and a key with me:read alone refused.
    /// </summary>
    [Fact]
    public async Task AnExtension_ChangesOverTheApi_WithThePagesRefusals()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");

        using (var bare = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/lines/ACC-1002/extension") { Content = JsonContent.Create(new { extension = "205", name = "Desk" }) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await on.Http.SendAsync(bare)).StatusCode);
        }

        await Refused(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/extension", new { extension = "911", name = "Reception" }, "extension");
        await Refused(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/extension", new { extension = "20a", name = "Reception" }, "extension");
        Assert.Equal(HttpStatusCode.NotFound, (await Send(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1001/extension", new { extension = "303", name = "x" })).StatusCode);
        var reader = await ApiKeys.CreateForCustomer(server, "CUST-ON", "me:read");
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(on.Http, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/extension", reader, """{"extension":"205"}""")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/extension", new { extension = "205", name = "Desk" })).StatusCode);
        var line = (await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines")).EnumerateArray().Single(l => l.GetProperty("id").GetString() == "ACC-1002");
        Assert.Equal(("205", "Desk"), (line.GetProperty("extension").GetString(), line.GetProperty("extension_name").GetString()));
        Assert.Contains("205", await on.Http.GetStringAsync("/customer/extensions"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await Send(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/extension", new { extension = "202", name = "Reception" })).StatusCode);
    }

    [Fact]
    public async Task Transactions_ListAndCsv_AgreeWithEachOther_AndRefuseAsThePageDoes()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var list = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/transactions?from=2026-10-01&to=2026-11-30&size=10");
        var total = list.GetProperty("total").GetInt64();
        Assert.True(total > 10, list.ToString());
        Assert.Equal(10, list.GetProperty("transactions").GetArrayLength());
        Assert.Equal(total, list.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("transactions").GetInt64()));
        Assert.Contains(list.GetProperty("totals").EnumerateArray(), t => t.GetProperty("service").GetString() == "calls");

        using var csv = await qc.Http.GetAsync("/api/v1/me/transactions.csv?from=2026-10-01&to=2026-11-30");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("transactions-CUST-QC-2026-10-01-2026-11-30.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,service,account,description,reference,invoice,quantity,unit,amount", rows[0]);
        Assert.Equal(total, rows.Length - 1);
        Assert.Equal(rows.Skip(1).Select(r => r[..10]).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[..10])); // by date

        // The page's download is the same stream, under the same name.
        using var pageCsv = await qc.Http.GetAsync("/customer/transactions?from=2026-10-01&to=2026-11-30&csv=1");
        Assert.Equal(string.Join('\n', rows) + "\n", await pageCsv.Content.ReadAsStringAsync());

        var payments = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/transactions?from=2026-10-01&to=2026-11-30&service=payments");
        Assert.All(payments.GetProperty("transactions").EnumerateArray(), t => Assert.Equal("payments", t.GetProperty("service").GetString()));
        await Invalid(qc, "/api/v1/me/transactions?service=lottery", "service");
        await Invalid(qc, "/api/v1/me/transactions?from=2026-11-30&to=2026-10-01", "to");
        await Invalid(qc, "/api/v1/me/transactions?from=2024-01-01&to=2026-11-30", "to"); // the list: a year at most
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync("/api/v1/me/transactions.csv?from=2024-01-01&to=2026-11-30")).StatusCode); // the CSV: any period
    }

    [Fact]
    public async Task APayment_OverTheApi_IsCheckedAsOnThePage_AndRecorded()
    {
        using var me = await TestCustomers.Add(server, "CUST-PAY", "cust-pay");
        var options = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payments");
        Assert.True(options.GetProperty("configured").GetBoolean());
        Assert.Equal("5.00", options.GetProperty("minimum").GetString()); // CAD: in its decimals

        await Refused(me, HttpMethod.Post, "/api/v1/me/payments", new { amount = "1.00", card = "tok_visa" }, "amount");
        await Refused(me, HttpMethod.Post, "/api/v1/me/payments", new { amount = "25.00", card = "" }, "card");
        await Refused(me, HttpMethod.Post, "/api/v1/me/payments", new { amount = "25.00", card = "tok_visa", line = "ACC-1004" }, "line"); // another customer's prepaid line
        var declined = await Send(me, HttpMethod.Post, "/api/v1/me/payments", new { amount = "25.00", card = "tok_visa_insufficient-funds" });
        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Equal("card", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var paid = await Send(me, HttpMethod.Post, "/api/v1/me/payments", new { amount = "25.00", card = "tok_visa" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Contains("Payment of 25.00 CAD approved", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        var payments = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/transactions?service=payments");
        Assert.Equal(-25_000, payments.GetProperty("transactions").EnumerateArray().Single().GetProperty("amount_mills").GetInt64());
    }

    [Fact]
    public async Task PaymentInfo_OverTheApi_IsCheckedAsOnThePage_AndNeverShowsTheToken()
    {
        using var me = await TestCustomers.Add(server, "CUST-AUTO", "cust-auto");
        Assert.Equal(JsonValueKind.Null, (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payment-info")).GetProperty("auto_pay").ValueKind);

        await Refused(me, HttpMethod.Put, "/api/v1/me/payment-info", new { card = "", label = "VISA ****4242" }, "card");
        await Refused(me, HttpMethod.Put, "/api/v1/me/payment-info", new { card = "tok_visa", label = "" }, "label");
        await Refused(me, HttpMethod.Put, "/api/v1/me/payment-info", new { card = "tok_visa", label = "VISA ****4242", recharge_below = "10.00" }, "recharge_amount");
        await Refused(me, HttpMethod.Put, "/api/v1/me/payment-info", new { card = "tok_visa", label = "VISA ****4242", recharge_below = "10.001", recharge_amount = "20.00" }, "recharge_below");
        var saved = await Send(me, HttpMethod.Put, "/api/v1/me/payment-info",
            new { card = "tok_visa_secret_token", label = "VISA ****4242", pay_invoices = true, recharge_below = "10.00", recharge_amount = "20.00" });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);

        var shown = await me.Http.GetStringAsync("/api/v1/me/payment-info");
        var autoPay = JsonDocument.Parse(shown).RootElement.GetProperty("auto_pay");
        Assert.Equal(("VISA ****4242", true, 10_000L, 20_000L), (autoPay.GetProperty("card_label").GetString(), autoPay.GetProperty("pay_invoices").GetBoolean(),
            autoPay.GetProperty("recharge_below_mills").GetInt64(), autoPay.GetProperty("recharge_amount_mills").GetInt64()));
        Assert.DoesNotContain("tok_visa_secret_token", shown, StringComparison.Ordinal);
        Assert.Contains("id=\"card-on-file\">VISA ****4242", await me.Http.GetStringAsync("/customer/payment-info"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(me, HttpMethod.Delete, "/api/v1/me/payment-info", null)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payment-info")).GetProperty("auto_pay").ValueKind);
    }

    /// <summary>A session's API change with its anti-forgery token.</summary>
    internal static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }

    private static async Task Refused(PortalClient client, HttpMethod method, string path, object body, string field)
    {
        var response = await Send(client, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {JsonSerializer.Serialize(body)}: {response.StatusCode} {text}");
        Assert.Equal(field, JsonDocument.Parse(text).RootElement.GetProperty("field").GetString());
    }

    private static async Task Invalid(PortalClient client, string path, string field)
    {
        using var response = await client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }
}
