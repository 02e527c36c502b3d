using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator's REST API (issue 16: "whatever the operator pages do must be scriptable"), over real HTTP with API keys:
/// each route is 401 without a credential, 403 for a key without its scope or a customer's session, and does what the
/// page does with the scope: customers and accounts, tariffs (rate's message for a bad file), billing, payments, the
/// ledger's health, the switch's state, logins and tickets; every route is in the OpenAPI document.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorApiTests(PortalServer server)
{
    [Theory]
    [InlineData("GET", "/api/v1/operator/customers", "customers:read")]
    [InlineData("GET", "/api/v1/operator/customers/CUST-QC", "customers:read")]
    [InlineData("GET", "/api/v1/operator/accounts/ACC-1001", "customers:read")]
    [InlineData("POST", "/api/v1/operator/customers", "customers:write")]
    [InlineData("PUT", "/api/v1/operator/accounts/ACC-1001/status", "customers:write")]
    [InlineData("GET", "/api/v1/operator/tariffs", "tariffs:read")]
    [InlineData("POST", "/api/v1/operator/tariffs", "tariffs:write")]
    [InlineData("GET", "/api/v1/operator/billing/periods", "billing:read")]
    [InlineData("POST", "/api/v1/operator/billing/runs", "billing:write")]
    [InlineData("POST", "/api/v1/operator/invoices/1/reissue", "billing:write")]
    [InlineData("POST", "/api/v1/operator/payments", "payments:write")]
    [InlineData("GET", "/api/v1/operator/ledger", "ledger:read")]
    [InlineData("GET", "/api/v1/operator/switch", "switch:read")]
    [InlineData("GET", "/api/v1/operator/provisioning", "provisioning:read")]
    [InlineData("POST", "/api/v1/operator/provisioning", "provisioning:write")]
    [InlineData("GET", "/api/v1/operator/discount-plans", "provisioning:read")]
    [InlineData("PUT", "/api/v1/operator/discount-plans/DP-X", "provisioning:write")]
    [InlineData("GET", "/api/v1/operator/logins", "logins:read")]
    [InlineData("POST", "/api/v1/operator/logins", "logins:write")]
    [InlineData("POST", "/api/v1/operator/logins/cust-qc/password", "logins:write")]
    [InlineData("POST", "/api/v1/operator/logins/cust-qc/unlock", "logins:write")]
    [InlineData("POST", "/api/v1/operator/logins/cust-qc/disable", "logins:write")]
    [InlineData("POST", "/api/v1/operator/logins/cust-qc/enable", "logins:write")]
    [InlineData("GET", "/api/v1/operator/tickets", "tickets:read")]
    [InlineData("GET", "/api/v1/operator/tickets/1", "tickets:read")]
    [InlineData("POST", "/api/v1/operator/tickets/1/replies", "tickets:write")]
    [InlineData("POST", "/api/v1/operator/tickets/1/close", "tickets:write")]
    public async Task EachRoute_Is401WithoutAKey_403WithoutItsScopeOrAsACustomer(string method, string path, string scope)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var other = scope == "customers:read" ? "switch:read" : "customers:read";
        var wrongKey = await ApiKeys.Create(server, other);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiKeys.Send(http, new HttpMethod(method), path, null, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, new HttpMethod(method), path, wrongKey, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApiKeys.Send(http, new HttpMethod(method), path, server.BalancesKey, "{}")).StatusCode);
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        using var asCustomer = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            asCustomer.Headers.Add("X-CSRF-Token", await qc.CsrfAsync());
            asCustomer.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await qc.Http.SendAsync(asCustomer)).StatusCode);
    }

    [Fact]
    public async Task CustomersAndAccounts_AreCreatedEditedAndReadWithAKey_ThroughImportsChecks()
    {
        var key = await ApiKeys.Create(server, "customers:read", "customers:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        const string Customer = """
            {"id":"CUST-API","company":"Scripted ltd.","email":"ops@scripted.example","street":"9 Rue Sainte-Catherine","city":"Montréal","province":"QC",
             "country":"CA","postal_code":"H2X 1K4","currency":"CAD","time_zone":"America/Montreal"}
            """;

        var badZone = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", key, Customer.Replace("America/Montreal", "America/Atlantis", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        var error = await badZone.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("time_zone", error.GetProperty("field").GetString());
        Assert.Contains("America/Atlantis", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var unknown = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", key, """{"id":"CUST-X","colour":"red"}""");
        Assert.Equal("colour", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var created = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", key, Customer);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/operator/customers/CUST-API", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", key, Customer)).StatusCode); // exists already

        var line = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/accounts", key, """{"id":"ACC-API","customer":"CUST-API","type":"debit","requires_911":true}""");
        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        var negative = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/accounts/ACC-API", key, """{"credit_limit":"-5.00"}""");
        Assert.Equal("credit_limit", (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        var edited = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/customers/CUST-API", key, """{"company":"Scripted inc."}""");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var read = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/customers/CUST-API", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Scripted inc.", "H2X 1K4", "active"), (read.GetProperty("company").GetString(), read.GetProperty("postal_code").GetString(), read.GetProperty("status").GetString()));
        Assert.Equal(["ACC-API"], read.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        var account = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/accounts/ACC-API", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("debit", "true", "0.00"), (account.GetProperty("type").GetString(), account.GetProperty("requires_911").GetString(), account.GetProperty("credit_limit").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/accounts/ACC-NOPE", key)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/accounts/ACC-API/status", key, """{"status":"closed"}""")).StatusCode);

        var list = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/customers?q=scripted", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CUST-API", list.GetProperty("rows")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ATariff_IsUploadedWithRatesMessages_PreviewedAndActivated()
    {
        var key = await ApiKeys.Create(server, "tariffs:read", "tariffs:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        const string Bad = "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.010000,0,6,6\n44,United Kingdom,cheap,0,6,6\n";

        var refused = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/tariffs?name=bad-tariff.csv", key, Bad, "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("bad-tariff.csv: line 3, field 'rate'", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);

        var good = await File.ReadAllTextAsync(Path.Combine(server.Data, "demo", "tariff.csv"));
        var uploaded = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/tariffs?name=tariff-2099.csv", key, good, "text/csv");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var preview = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("rows").GetInt32() > 20);
        Assert.Equal(20, preview.GetProperty("preview").GetArrayLength());
        Assert.Equal("1", preview.GetProperty("preview")[0].GetProperty("prefix").GetString());
        var token = preview.GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tariffs/{token}/activation", key, """{"from":"2001-01-01"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tariffs/{token}/activation", key, """{"from":"2099-01-01"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiKeys.Send(http, HttpMethod.Post, $"/api/v1/operator/tariffs/{token}/activation", key, """{"from":"2099-01-01"}""")).StatusCode);
        var listed = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/tariffs", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("2099-01-01", listed.GetProperty("scheduled").EnumerateArray().Select(s => s.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task BillingPaymentsLedgerAndSwitch_AnswerWithTheirScopes()
    {
        var key = await ApiKeys.Create(server, "billing:read", "billing:write", "payments:write", "ledger:read", "switch:read");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var periods = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/billing/periods", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(periods.GetProperty("periods").GetArrayLength() >= 2, periods.ToString()); // the demo bills two months
        var billed = periods.GetProperty("periods")[0].GetProperty("period").GetString();
        var again = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/billing/runs", key, $$"""{"period":"{{billed}}"}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("already_billed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/billing/runs", key, """{"period":"2026-13"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/invoices/1/reissue", key, """{"reason":" "}""")).StatusCode);
        var missing = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/invoices/999999/reissue", key, """{"reason":"wrong rate"}""");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode); // no such invoice, as anywhere in the API (review 16, item 14)

        var badAmount = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/payments", key, """{"customer":"CUST-ON","received":"2026-12-01","amount":"12.3456"}""");
        Assert.Equal("amount", (await badAmount.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var paid = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/payments", key, """{"customer":"CUST-ON","received":"2026-12-01","amount":"12.34","method":"bank-transfer","reference":"api-wire-1"}""");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var payment = await paid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((12_340L, "bank-transfer"), (payment.GetProperty("amount_mills").GetInt64(), payment.GetProperty("method").GetString()));
        var payments = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/payments", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(payment.GetProperty("id").GetString(), payments.EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        var ledger = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/ledger", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ledger.GetProperty("committed_until").GetInt64() > ledger.GetProperty("journal_begin").GetInt64());
        var verified = await (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/ledger/verification", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verified.GetProperty("consistent").GetBoolean(), verified.ToString());
        Assert.True(verified.GetProperty("calls").GetInt64() > 0);

        var state = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/switch", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(state.GetProperty("running").GetBoolean());
        Assert.True(state.GetProperty("sip_lines").GetInt32() >= 2);
    }

    [Fact]
    public async Task Provisioning_IsImportedWithImportsChecks_AndExported()
    {
        var key = await ApiKeys.Create(server, "provisioning:read", "provisioning:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        const string Product = """
            { "format": "centrex-provisioning/1",
              "products": [ { "id": "PLAN-API", "name": "Scripted plan", "monthly_fee": "{{FEE}}", "free_north_america_minutes": 100 } ] }
            """;

        var refused = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/provisioning", key, Product.Replace("{{FEE}}", "-1.00", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("PLAN-API", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);

        var imported = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/provisioning", key, Product.Replace("{{FEE}}", "19.99", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("products").GetInt32());
        var exported = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/provisioning", key)).Content.ReadFromJsonAsync<JsonElement>();
        var product = exported.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "PLAN-API");
        Assert.Equal("19.990", product.GetProperty("monthly_fee").GetString());
        Assert.Contains(exported.GetProperty("customers").EnumerateArray(), c => c.GetProperty("id").GetString() == "CUST-QC");
    }

    [Fact]
    public async Task TheOpenApiDocument_ListsEveryOperatorRoute()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        var document = await op.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Subset(paths.ToHashSet(), new HashSet<string>
        {
            "/api/v1/operator/customers", "/api/v1/operator/customers/{id}", "/api/v1/operator/customers/{id}/status",
            "/api/v1/operator/accounts", "/api/v1/operator/accounts/{id}", "/api/v1/operator/accounts/{id}/status",
            "/api/v1/operator/tariffs", "/api/v1/operator/tariffs/{token}/activation", "/api/v1/operator/billing/periods", "/api/v1/operator/billing/runs",
            "/api/v1/operator/invoices/{number}/reissue", "/api/v1/operator/payments", "/api/v1/operator/ledger", "/api/v1/operator/ledger/verification",
            "/api/v1/operator/switch", "/api/v1/operator/provisioning",
            "/api/v1/operator/logins", "/api/v1/operator/logins/{login}/password", "/api/v1/operator/logins/{login}/unlock",
            "/api/v1/operator/logins/{login}/disable", "/api/v1/operator/logins/{login}/enable",
            "/api/v1/operator/tickets", "/api/v1/operator/tickets/{id}", "/api/v1/operator/tickets/{id}/replies", "/api/v1/operator/tickets/{id}/close",
            "/api/v1/me/tickets", "/api/v1/me/tickets/{id}", "/api/v1/me/tickets/{id}/replies", "/api/v1/me/tickets/{id}/close",
        });
    }
}
