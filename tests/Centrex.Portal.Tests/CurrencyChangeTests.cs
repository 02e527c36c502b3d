using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator changes a customer's currency only while the customer owes and is owed nothing (CurrencyChangeGuard):
/// a line's balance is mills with no currency of its own, and payments are applied to invoices by amount, so C-CA's
/// 0.123 dollars charged (<see cref="ThreeCurrencies"/>) would have become 0.143 yen owed, and a payment of 140 yen would
/// have settled its 0.14-dollar invoice. Through a real serve and the operator's API: refused before billing (the lines'
/// balance), refused after billing (the invoice owes), the store left as it was; a customer with no money history moves.
/// </summary>
public sealed class CurrencyChangeTests
{
    private const string Password = "currency-change-pw-1";

    [Fact]
    public async Task ACustomersCurrency_ChangesOnlyWhileItOwesAndIsOwedNothing()
    {
        await using var serve = new OwnServe("centrex-currency-change-");
        await ThreeCurrencies.Arrange(serve); // calls rated, nothing billed yet
        await serve.AddLogin("op", null, Password);
        var address = (await serve.StartAsync())[0];
        using var op = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await op.LoginAsync("op", Password)).StatusCode);
        var csrf = await op.CsrfAsync();

        var charged = await Send(op, csrf, HttpMethod.Put, "/api/v1/operator/customers/C-CA", """{"currency": "JPY"}""");
        Assert.Equal(HttpStatusCode.BadRequest, charged.StatusCode);
        var refusal = await charged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("currency", refusal.GetProperty("field").GetString());
        // 10 minutes at 0.0123 a minute: -0.123 on the line (the invoice's 0.143 adds Quebec's GST and QST).
        Assert.Equal("currency: stays CAD while the customer's lines have a balance (-0.12 CAD in all): a balance has no currency of its own; settle it first",
            refusal.GetProperty("message").GetString());
        Assert.Equal("CAD", await Currency(op, "C-CA"));

        var billed = await Send(op, csrf, HttpMethod.Post, "/api/v1/operator/billing/runs", $$"""{"period": "{{ThreeCurrencies.Period}}"}""");
        Assert.Equal(HttpStatusCode.OK, billed.StatusCode);
        var owed = await Send(op, csrf, HttpMethod.Put, "/api/v1/operator/customers/C-CA", """{"currency": "JPY", "company": "Renamed"}""");
        Assert.Equal(HttpStatusCode.BadRequest, owed.StatusCode);
        Assert.StartsWith("currency: stays CAD while the customer's invoices owe 0.14 CAD: payments are applied to invoices by amount",
            (await owed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("CAD", await Currency(op, "C-CA")); // nothing saved, the company neither
        Assert.NotEqual("Renamed", (await op.Http.GetFromJsonAsync<JsonElement>("/api/v1/operator/customers/C-CA")).GetProperty("company").GetString());

        // Unchanged currency: the rest of the record still saves.
        Assert.Equal(HttpStatusCode.OK, (await Send(op, csrf, HttpMethod.Put, "/api/v1/operator/customers/C-CA", """{"currency": "cad", "company": "Renamed"}""")).StatusCode);

        var created = await Send(op, csrf, HttpMethod.Post, "/api/v1/operator/customers", """
            {"id": "C-NEW", "company": "New Co", "email": "new@example.com", "street": "1 Main St", "city": "Toronto", "province": "ON",
             "country": "CA", "postal_code": "M5J 2N8", "currency": "CAD", "time_zone": "America/Toronto"}
            """);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Send(op, csrf, HttpMethod.Put, "/api/v1/operator/customers/C-NEW", """{"currency": "USD"}""")).StatusCode);
        Assert.Equal("USD", await Currency(op, "C-NEW"));
    }

    private static async Task<HttpResponseMessage> Send(PortalClient client, string csrf, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }

    private static async Task<string?> Currency(PortalClient client, string customer) =>
        (await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/operator/customers/{customer}")).GetProperty("currency").GetString();
}
