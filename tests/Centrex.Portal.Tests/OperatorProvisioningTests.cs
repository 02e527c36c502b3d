using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator's customers, accounts and products (issue 16, operator pages): created and edited through provisioning's
/// validation (import's message beside the field it names), in the store at once, and a new customer's login sees its
/// new line; customers cannot open these pages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OperatorProvisioningTests(PortalServer server)
{
    [Fact]
    public async Task TheOperator_CreatesACustomerAndItsLine_ThroughImportsChecks_AndTheCustomerSeesTheLine()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        (string, string)[] customer =
        [
            ("existing", "false"), ("id", "CUST-NEW"), ("company", "Nouvelle Vague inc."), ("contact", "Léa Roy"), ("email", "lea@nv.example"),
            ("street", "1 rue Principale"), ("city", "Gatineau"), ("province", "ZZ"), ("country", "CA"), ("postal_code", "J8X 1A1"),
            ("currency", "CAD"), ("time_zone", "America/Toronto"), ("tax_id", ""), ("send_statistic", "full"),
        ];
        var bad = await BillingPagesTests.Form(op, "/operator/customers/edit", null, customer);
        Assert.Contains("id=\"province-error\">customers (id &quot;CUST-NEW&quot;): address.province &#x27;ZZ&#x27; is not a Canadian province", bad, StringComparison.Ordinal);

        var saved = await BillingPagesTests.Form(op, "/operator/customers/edit", null, [.. customer.Select(f => f.Item1 == "province" ? (f.Item1, "QC") : f)]);
        Assert.Contains("Customer CUST-NEW saved.", saved, StringComparison.Ordinal);
        var again = await BillingPagesTests.Form(op, "/operator/customers/edit", null, [.. customer.Select(f => f.Item1 == "province" ? (f.Item1, "QC") : f)]);
        Assert.Contains("id=\"id-error\">customer CUST-NEW exists already", again, StringComparison.Ordinal);

        (string, string)[] line = [("existing", "false"), ("id", "ACC-NEW"), ("customer", "CUST-NEW"), ("type", "credit"), ("credit_limit", "-1.00"), ("site", "")];
        var negative = await BillingPagesTests.Form(op, "/operator/accounts/edit", null, line);
        Assert.Contains("id=\"credit_limit-error\">accounts (id &quot;ACC-NEW&quot;): credit_limit is negative", negative, StringComparison.Ordinal);
        var nobody = await BillingPagesTests.Form(op, "/operator/accounts/edit", null, [.. line.Select(f => f.Item1 switch { "credit_limit" => (f.Item1, "100.00"), "customer" => (f.Item1, "CUST-NOBODY"), _ => f })]);
        Assert.Contains("id=\"customer-error\">", nobody, StringComparison.Ordinal);
        var created = await BillingPagesTests.Form(op, "/operator/accounts/edit", null, [.. line.Select(f => f.Item1 == "credit_limit" ? (f.Item1, "100.00") : f), ("requires_911", "true")]);
        Assert.Contains("Account ACC-NEW saved.", created, StringComparison.Ordinal);

        await server.AddLogin("new-cust", "CUST-NEW", "new-customer-pw-1");
        using var nv = new PortalClient(server.BaseAddress);
        await nv.LoginAsync("new-cust", "new-customer-pw-1");
        var lines = await nv.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines");
        Assert.Equal(["ACC-NEW"], lines.EnumerateArray().Select(l => l.GetProperty("id").GetString()));

        // Edited: the company changes, the line stays.
        var edited = await BillingPagesTests.Form(op, "/operator/customers/edit?id=CUST-NEW", null,
            [.. customer.Select(f => f.Item1 switch { "province" => (f.Item1, "QC"), "company" => (f.Item1, "Nouvelle Vague ltée"), "existing" => (f.Item1, "true"), _ => f })]);
        Assert.Contains("Customer CUST-NEW saved.", edited, StringComparison.Ordinal);
        Assert.Contains("Nouvelle Vague lt&#xE9;e", await nv.Http.GetStringAsync("/customer"), StringComparison.Ordinal); // HTML-encoded é
        Assert.Equal(HttpStatusCode.Forbidden, (await nv.Http.GetAsync("/operator/customers/edit?id=CUST-NEW")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nv.Http.GetAsync("/operator/accounts/edit?id=ACC-1001")).StatusCode);
    }

    [Fact]
    public async Task TheOperator_AddsAProduct_ANegativeFeeIsRefusedBesideIt_AndSeesTheDiscountPlans()
    {
        using var op = await Sessions.SignedIn(server, "operator");

        var page = await op.Http.GetStringAsync("/operator/products");
        Assert.Contains("<td>International volume</td><td>Overseas</td>", page, StringComparison.Ordinal);
        Assert.Contains("from 600 min: 10.00% off; from 3,000 min: 15.00% off", page, StringComparison.Ordinal);

        (string, string)[] product = [("id", "PLAN-TEST"), ("name", "Test plan"), ("monthly_fee", "-5.00"), ("free_north_america_minutes", "50"), ("setup_fee", "")];
        var bad = await BillingPagesTests.Form(op, "/operator/products", null, product);
        Assert.Contains("id=\"monthly_fee-error\">products (id &quot;PLAN-TEST&quot;): monthly_fee, setup_fee and free_north_america_minutes may not be negative", bad, StringComparison.Ordinal);
        var saved = await BillingPagesTests.Form(op, "/operator/products", null, [.. product.Select(f => f.Item1 == "monthly_fee" ? (f.Item1, "12.50") : f)]);
        Assert.Contains("Product PLAN-TEST saved.", saved, StringComparison.Ordinal);
        Assert.Contains("<td>PLAN-TEST</td><td>Test plan</td><td class=\"num\">12.50</td>", saved, StringComparison.Ordinal);
        var export = (await PortalServer.Run(null, "provision", "export", "--data", server.Data)).Output;
        Assert.Contains("\"id\": \"PLAN-TEST\"", export, StringComparison.Ordinal);

        using var qc = await Sessions.SignedIn(server, "cust-qc");
        Assert.Equal(HttpStatusCode.Forbidden, (await qc.Http.GetAsync("/operator/products")).StatusCode);
    }

    [Fact]
    public async Task TheOperator_SetsASitesLimits_AnEmptyNameIsRefusedBesideIt_AndTheCustomerReadsThem()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        (string, string)[] site = [("id", "Atelier"), ("name", " "), ("max_calls", "4"), ("max_incoming", ""), ("max_outgoing", "2"), ("max_forwarded", ""),
            ("max_bandwidth_kbps", "-1"), ("max_incoming_kbps", ""), ("max_outgoing_kbps", "")];

        var negative = await BillingPagesTests.Form(op, "/operator/sites", null, site);
        Assert.Contains("id=\"max_bandwidth_kbps-error\">a whole number, 0 or more (empty: no limit)", negative, StringComparison.Ordinal);
        var unnamed = await BillingPagesTests.Form(op, "/operator/sites", null, [.. site.Select(f => f.Item1 == "max_bandwidth_kbps" ? (f.Item1, "") : f)]);
        Assert.Contains("id=\"name-error\">sites (id &quot;Atelier&quot;): name is empty", unnamed, StringComparison.Ordinal);
        var saved = await BillingPagesTests.Form(op, "/operator/sites", null, [.. site.Select(f => f.Item1 switch { "max_bandwidth_kbps" => (f.Item1, ""), "name" => (f.Item1, "Atelier"), _ => f })]);
        Assert.Contains("Site Atelier saved.", saved, StringComparison.Ordinal);

        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var sites = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/sites");
        Assert.Equal((4, 2), (sites[0].GetProperty("max_calls").GetInt32(), sites[0].GetProperty("max_outgoing").GetInt32()));
        Assert.Equal(JsonValueKind.Null, sites[0].GetProperty("max_incoming").ValueKind);
    }
}
