using System.Net;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Volume discount plans edited by the operator (issue 16, operator pages: "products and discount plans"): a plan made on
/// its page is checked as <c>provision import</c> checks it (the rating engine's own messages, beside the field they are
/// about), a line gets it, the customer sees it on Volume Discounts; changed through the API, the customer sees the change.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DiscountPlanEditTests(PortalServer server)
{
    [Fact]
    public async Task TheOperator_MakesAndChangesADiscountPlan_CheckedAsImportChecksIt_AndTheCustomerSeesIt()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        (string, string)[] plan =
        [
            ("existing", "false"), ("id", "DP-PUX"), ("name", "Europe volume"), ("group_name", "Europe"), ("prefixes", "44 33"), ("classes", ""),
            ("basis", "minutes"), ("thresholds", "60 5\n300 150"), ("precedence", "3"), ("combinable", "true"),
        ];
        var percent = await BillingPagesTests.Form(op, "/operator/discount-plans/edit", null, plan);
        Assert.Contains("id=\"thresholds-error\">", percent, StringComparison.Ordinal);
        Assert.Contains("percent &#x27;150&#x27; is not 0 to 100 with at most 2 decimals", percent, StringComparison.Ordinal);
        var prefix = await BillingPagesTests.Form(op, "/operator/discount-plans/edit", null, With(plan, ("thresholds", "60 5\n300 10"), ("prefixes", "44 3a")));
        Assert.Contains("id=\"prefixes-error\">", prefix, StringComparison.Ordinal);
        Assert.Contains("&#x27;3a&#x27; is not an E.164 prefix (1 to 15 digits)", prefix, StringComparison.Ordinal);
        var twice = await BillingPagesTests.Form(op, "/operator/discount-plans/edit", null, With(plan, ("thresholds", "60 5\n60 10")));
        Assert.Contains("id=\"thresholds-error\">", twice, StringComparison.Ordinal);
        Assert.Contains("lists threshold 3600 twice", twice, StringComparison.Ordinal);
        var saved = await BillingPagesTests.Form(op, "/operator/discount-plans/edit", null, With(plan, ("thresholds", "60 5\n300 10")));
        Assert.Contains("Discount plan DP-PUX saved.", saved, StringComparison.Ordinal);
        Assert.Contains("<td>DP-PUX</td><td>Europe volume</td><td>Europe</td>", saved, StringComparison.Ordinal);
        var again = await BillingPagesTests.Form(op, "/operator/discount-plans/edit", null, With(plan, ("thresholds", "60 5")));
        Assert.Contains("id=\"id-error\">discount plan DP-PUX exists already", again, StringComparison.Ordinal);

        // A line gets the plan (as an operator provisions lines) and its customer sees the plan and its tiers.
        await Provision();
        await server.AddLogin("cust-dv", "CUST-DV", "cust-dv-login-secret");
        using var dv = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await dv.LoginAsync("cust-dv", "cust-dv-login-secret")).StatusCode);
        var page = await dv.Http.GetStringAsync("/customer/discounts");
        Assert.Contains("id=\"plan-DP-PUX-h\">Europe volume</h2>", page, StringComparison.Ordinal);
        Assert.Contains("from 60.0 min: 5% off; from 300.0 min: 10% off", page, StringComparison.Ordinal);

        // Changed through the API (the same checks: a refusal names its field), and the customer's page follows.
        var key = await ApiKeys.Create(server, "provisioning:read", "provisioning:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var bad = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/discount-plans/DP-PUX", key,
            """{"name": "Europe volume", "group_name": "Europe", "prefixes": "44 33", "basis": "minutes", "thresholds": "60 5\n300 12.5", "precedence": "high", "combinable": true}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("precedence", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        var put = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/discount-plans/DP-PUX", key,
            """{"name": "Europe volume 2", "group_name": "Europe", "prefixes": "44 33", "basis": "minutes", "thresholds": "60 5\n300 12.5", "precedence": 3, "combinable": true}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        page = await dv.Http.GetStringAsync("/customer/discounts");
        Assert.Contains("id=\"plan-DP-PUX-h\">Europe volume 2</h2>", page, StringComparison.Ordinal);
        Assert.Contains("from 300.0 min: 12.5% off", page, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/discount-plans", key)).Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("id").GetString() == "DP-PUX" && p.GetProperty("thresholds").GetString() == "60 5.00\n300 12.50");
    }

    private static (string, string)[] With((string Name, string Value)[] fields, params (string Name, string Value)[] changes) =>
        [.. fields.Select(f => changes.FirstOrDefault(c => c.Name == f.Name) is { Name: not null } c ? (f.Name, c.Value) : (f.Name, f.Value))];

    // CUST-DV (no other test looks at it): one line on the new plan.
    private async Task Provision()
    {
        var file = Path.Combine(server.Data, "dv-lines.json");
        await File.WriteAllTextAsync(file, """
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "CUST-DV", "company": "Discount Test Ltd.", "contact": "Dana", "email": "ap@discount.example",
                               "address": { "street": "1 Main St", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J 2L4" },
                               "currency": "CAD", "time_zone": "America/Toronto" } ],
              "accounts": [ { "id": "ACC-DV1", "customer": "CUST-DV", "type": "credit", "credit_limit": "100.00", "requires_911": false, "discount_plans": ["DP-PUX"] } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
