using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Every amount a customer or the operator types or reads is in the decimals of its currency (issue 16: "money shown in
/// the customer's ... currency"; ISO 4217 minor units: the yen has none, the dollar two, the dinar three), on the real
/// serve: Make a Payment, Payment Info's auto-pay threshold and amount, the operator's payments entry, products and
/// accounts, on the pages and over their API routes. Fractional yen and a tenth of a cent are refused, naming the field
/// and the currency's decimals (nothing is rounded, nothing recorded); whole yen and three-decimal dinars are taken to
/// the mill, and shown back as the currency writes them (<c>1,980 JPY</c>, <c>1.234 KWD</c>), never as <c>1980.00</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MoneyInCurrencyTests(PortalServer server)
{
    [Fact]
    public async Task MakeAPayment_RefusesFractionalYenAndATenthOfACent_AndTakesWholeYenAndDinarsToTheMill()
    {
        using var jpy = await TestCustomers.Add(server, "CUST-MJP", "cust-mjp", "JPY");
        using var kwd = await TestCustomers.Add(server, "CUST-MKW", "cust-mkw", "KWD");
        using var usd = await TestCustomers.Add(server, "CUST-MUS", "cust-mus", "USD");

        await Refused(jpy, HttpMethod.Post, "/api/v1/me/payments", new { amount = "100.5", card = "tok_visa" }, "amount", "'100.5': JPY amounts have 0 decimals");
        await Refused(usd, HttpMethod.Post, "/api/v1/me/payments", new { amount = "10.001", card = "tok_visa" }, "amount", "'10.001': USD amounts have 2 decimals");
        await Refused(kwd, HttpMethod.Post, "/api/v1/me/payments", new { amount = "10.0001", card = "tok_visa" }, "amount", "'10.0001' is not an amount in KWD, such as 25.000");
        await Refused(jpy, HttpMethod.Post, "/api/v1/me/payments", new { amount = "4", card = "tok_visa" }, "amount", "from 5 to 10,000");

        // On the page: next to the field, the form's minimum in yen.
        var page = WebUtility.HtmlDecode(await BillingPagesTests.Form(jpy, "/customer/payments", null, ("amount", "100.5"), ("card", "tok_visa")));
        Assert.Contains("<div class=\"field-error\" id=\"amount-error\">'100.5': JPY amounts have 0 decimals</div>", page, StringComparison.Ordinal);
        Assert.Contains("5 JPY minimum.", page, StringComparison.Ordinal);
        Assert.Empty(await Payments(jpy)); // nothing was charged or recorded

        var paid = await CustomerPagesApiTests.Send(jpy, HttpMethod.Post, "/api/v1/me/payments", new { amount = "1980", card = "tok_visa" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Contains("Payment of 1,980 JPY approved", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(new long[] { -1_980_000 }, await Payments(jpy));

        var dinars = WebUtility.HtmlDecode(await BillingPagesTests.Form(kwd, "/customer/payments", null, ("amount", "12.345"), ("card", "tok_visa")));
        Assert.Contains("Payment of 12.345 KWD approved", dinars, StringComparison.Ordinal);
        Assert.Equal(new long[] { -12_345 }, await Payments(kwd));
    }

    [Fact]
    public async Task AutoPay_ThresholdAndAmount_AreInTheCurrencysDecimals_OnThePageAndOverTheApi()
    {
        using var jpy = await TestCustomers.Add(server, "CUST-AJP", "cust-ajp", "JPY");
        using var usd = await TestCustomers.Add(server, "CUST-AUS", "cust-aus", "USD");

        await Refused(jpy, HttpMethod.Put, "/api/v1/me/payment-info", new { card = "tok_visa", label = "VISA ****4242", recharge_below = "1000.5", recharge_amount = "2000" },
            "recharge_below", "'1000.5': JPY amounts have 0 decimals");
        await Refused(usd, HttpMethod.Put, "/api/v1/me/payment-info", new { card = "tok_visa", label = "VISA ****4242", recharge_below = "10.00", recharge_amount = "20.001" },
            "recharge_amount", "'20.001': USD amounts have 2 decimals");
        var page = WebUtility.HtmlDecode(await BillingPagesTests.Form(usd, "/customer/payment-info", null,
            ("card", "tok_visa"), ("label", "VISA ****4242"), ("recharge_below", "10.005"), ("recharge_amount", "20.00")));
        Assert.Contains("<div class=\"field-error\" id=\"recharge_below-error\">'10.005': USD amounts have 2 decimals</div>", page, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await jpy.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payment-info")).GetProperty("auto_pay").ValueKind);

        var saved = await CustomerPagesApiTests.Send(jpy, HttpMethod.Put, "/api/v1/me/payment-info",
            new { card = "tok_visa", label = "VISA ****4242", pay_invoices = false, recharge_below = "1000", recharge_amount = "2000" });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var autoPay = (await jpy.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/payment-info")).GetProperty("auto_pay");
        Assert.Equal((1_000_000L, 2_000_000L), (autoPay.GetProperty("recharge_below_mills").GetInt64(), autoPay.GetProperty("recharge_amount_mills").GetInt64()));

        // The form holds them as the yen is written, and saving it unchanged keeps them.
        var form = await jpy.Http.GetStringAsync("/customer/payment-info");
        Assert.Contains("name=\"recharge_below\" inputmode=\"decimal\" size=\"10\" value=\"1000\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"recharge_amount\" inputmode=\"decimal\" size=\"10\" value=\"2000\"", form, StringComparison.Ordinal);
        Assert.Contains("Payment info saved.", await BillingPagesTests.Form(jpy, "/customer/payment-info", null,
            ("card", string.Empty), ("label", "VISA ****4242"), ("recharge_below", "1000"), ("recharge_amount", "2000")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOperator_EntersPaymentsProductsAndLimits_InTheCustomersDecimals_AndReadsThemSo()
    {
        using (await TestCustomers.Add(server, "CUST-OJP", "cust-ojp", "JPY"))
        using (await TestCustomers.Add(server, "CUST-OKW", "cust-okw", "KWD"))
        using (await TestCustomers.Add(server, "CUST-OUS", "cust-ous", "USD"))
        {
        }

        var key = await ApiKeys.Create(server, "payments:write", "billing:read", "customers:read", "customers:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Payment(string customer, string amount) => $$"""{"customer":"{{customer}}","received":"{{today}}","amount":"{{amount}}","method":"bank-transfer","reference":"money-{{customer}}"}""";

        // Payments entry over the API: refused naming the field and the decimals, then recorded to the mill.
        await OperatorRefused(http, HttpMethod.Post, "/api/v1/operator/payments", key, Payment("CUST-OJP", "100.5"), "amount", "amount: '100.5': JPY amounts have 0 decimals");
        await OperatorRefused(http, HttpMethod.Post, "/api/v1/operator/payments", key, Payment("CUST-OUS", "10.001"), "amount", "amount: '10.001': USD amounts have 2 decimals");
        var yen = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/payments", key, Payment("CUST-OJP", "1980"));
        Assert.Equal(HttpStatusCode.Created, yen.StatusCode);
        Assert.Equal(1_980_000, (await yen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount_mills").GetInt64());
        Assert.Equal(HttpStatusCode.Created, (await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/payments", key, Payment("CUST-OKW", "1.234"))).StatusCode);

        // On the page: the table in each customer's currency, a refusal next to the amount.
        using var op = await Sessions.SignedIn(server, "operator");
        var table = await op.Http.GetStringAsync("/operator/payments?size=200");
        Assert.Contains("<td>CUST-OJP</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1,980 JPY</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.234 KWD</td>", table, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await BillingPagesTests.Form(op, "/operator/payments", null,
            ("customer", "CUST-OUS"), ("received", today), ("amount", "10.001"), ("method", "card"), ("kind", "payment"), ("reference", string.Empty)));
        Assert.Contains("<div class=\"field-error\" id=\"amount-error\">'10.001': USD amounts have 2 decimals</div>", refused, StringComparison.Ordinal);

        // A product is charged in its subscribers' currency: shown and read in it.
        await Import("money-products", """
            "products": [ { "id": "PLAN-MJP", "name": "Yen plan", "monthly_fee": "1980", "setup_fee": "500", "free_north_america_minutes": 0 },
                          { "id": "PLAN-MKW", "name": "Dinar plan", "monthly_fee": "1.234", "free_north_america_minutes": 0 } ],
            "subscriptions": [ { "id": "SUB-MJP", "account": "CUST-OJP-L1", "product": "PLAN-MJP", "start": "2026-11-01" },
                               { "id": "SUB-MKW", "account": "CUST-OKW-L1", "product": "PLAN-MKW", "start": "2026-11-01" } ]
            """);
        var products = await Eventually(op, "/operator/products?size=200", "1,980 JPY");
        Assert.Contains("<td class=\"num\">1,980 JPY</td>", products, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">500 JPY</td>", products, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.234 KWD</td>", products, StringComparison.Ordinal);
        Assert.Contains("id=\"monthly_fee\" name=\"monthly_fee\" value=\"1980\"", await op.Http.GetStringAsync("/operator/products?edit=PLAN-MJP"), StringComparison.Ordinal);
        var fee = WebUtility.HtmlDecode(await BillingPagesTests.Form(op, "/operator/products", null,
            ("id", "PLAN-MJP"), ("name", "Yen plan"), ("monthly_fee", "1980.5"), ("free_north_america_minutes", "0"), ("setup_fee", "500")));
        Assert.Contains("<div class=\"field-error\" id=\"monthly_fee-error\">'1980.5': JPY amounts have 0 decimals</div>", fee, StringComparison.Ordinal);
        var changed = await BillingPagesTests.Form(op, "/operator/products", null,
            ("id", "PLAN-MJP"), ("name", "Yen plan"), ("monthly_fee", "2480"), ("free_north_america_minutes", "0"), ("setup_fee", "500"));
        Assert.Contains("<td class=\"num\">2,480 JPY</td>", changed, StringComparison.Ordinal);

        // A line's credit limit, in its customer's currency: the edit form and the API hold it as the yen is written.
        Assert.Contains("name=\"credit_limit\" inputmode=\"decimal\" value=\"100000\"", await op.Http.GetStringAsync("/operator/accounts/edit?id=CUST-OJP-L1"), StringComparison.Ordinal);
        var line = await (await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/accounts/CUST-OJP-L1", key)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("100000", line.GetProperty("credit_limit").GetString());
        await OperatorRefused(http, HttpMethod.Put, "/api/v1/operator/accounts/CUST-OJP-L1", key, """{"credit_limit":"250.5"}""", "credit_limit",
            "credit_limit: '250.5': JPY amounts have 0 decimals");
        Assert.Equal(HttpStatusCode.OK, (await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/accounts/CUST-OJP-L1", key, """{"credit_limit":"250"}""")).StatusCode);
    }

    private static async Task Refused(PortalClient client, HttpMethod method, string path, object body, string field, string message)
    {
        var response = await CustomerPagesApiTests.Send(client, method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {JsonSerializer.Serialize(body)}: {response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal((field, message), (error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
    }

    private static async Task OperatorRefused(HttpClient http, HttpMethod method, string path, string key, string json, string field, string message)
    {
        using var response = await ApiKeys.Send(http, method, path, key, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {json}: {response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal((field, message), (error.GetProperty("field").GetString(), error.GetProperty("message").GetString()));
    }

    /// <summary>The customer's payments, in mills (a payment lowers the balance: negative).</summary>
    private static async Task<long[]> Payments(PortalClient client) =>
        [.. (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/transactions?service=payments")).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("amount_mills").GetInt64())];

    private async Task Import(string name, string members)
    {
        var file = Path.Combine(server.Data, name + ".json");
        await File.WriteAllTextAsync(file, "{ \"format\": \"centrex-provisioning/1\",\n" + members + " }");
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }

    // The portal rereads provisioning at most every 250 ms after an import.
    private static async Task<string> Eventually(PortalClient client, string path, string text)
    {
        var page = string.Empty;
        for (var i = 0; i < 100 && !page.Contains(text, StringComparison.Ordinal); i++)
        {
            page = await client.Http.GetStringAsync(path);
            if (!page.Contains(text, StringComparison.Ordinal))
            {
                await Task.Delay(50);
            }
        }

        return page;
    }
}
