using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Money in three currencies through a real serve (<see cref="ThreeCurrencies"/>): the operator's Billing runs page and
/// its API total each currency apart, exact in the currency's decimals, as <c>centrex bill</c> prints them (they added
/// dollars, yen and dinars into one 127.500); the balance API, at its <c>/api/v1</c> path and at its deprecated
/// <c>/v1</c> one, gives the balance in the customer's currency's minor unit with the exact one beside it (it gave
/// cents whatever the currency: <c>-126.12</c> yen).
/// </summary>
public sealed class CurrencyTotalsServeTests
{
    private const string Password = "currency-totals-pw-1";

    [Fact]
    public async Task TheBillingRunsPage_AndItsApi_TotalEachCurrencyApart_InItsDecimals_InEnglishAndFrench()
    {
        await using var serve = new OwnServe("centrex-currency-totals-");
        await ThreeCurrencies.Arrange(serve);
        await serve.AddLogin("op", null, Password);
        await serve.AddLogin("op-fr", null, Password);
        var language = await PortalServer.Run(null, "user", "language", "op-fr", "fr", "--data", serve.Data);
        Assert.True(language.Exit == 0, language.Error);
        var address = (await serve.StartAsync())[0];
        using var op = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await op.LoginAsync("op", Password)).StatusCode);

        var billed = await BillingPagesTests.Form(op, "/operator/billing", "Bill", ("period", ThreeCurrencies.Period));

        var summary = Summary(billed);
        Assert.Contains("<dt>Invoiced total</dt><dd>0.143 CAD</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("<dt>Invoiced total</dt><dd>126.123 JPY</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("<dt>Invoiced total</dt><dd>1.234 KWD</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("<dt>Amount due</dt><dd>0.14 CAD</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("<dt>Amount due</dt><dd>126 JPY</dd>", summary, StringComparison.Ordinal); // no cents of yen
        Assert.Contains("<dt>Amount due</dt><dd>1.234 KWD</dd>", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("127.5", billed, StringComparison.Ordinal); // the sum of three currencies is shown nowhere
        Assert.Contains("<td>2026-10</td><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0.143 CAD &#xB7; 126.123 JPY &#xB7; 1.234 KWD</td>", billed, StringComparison.Ordinal);

        // A month billed already: the same totals, from the store.
        var again = Summary(await BillingPagesTests.Form(op, "/operator/billing", "Bill", ("period", ThreeCurrencies.Period)));
        Assert.Contains("<dt>Invoiced total</dt><dd>126.123 JPY</dd>", again, StringComparison.Ordinal);
        Assert.Contains("<dt>Amount due</dt><dd>126 JPY</dd>", again, StringComparison.Ordinal);

        // The API the page stands on: per currency, in mills.
        var periods = await op.Http.GetFromJsonAsync<JsonElement>("/api/v1/operator/billing/periods");
        var totals = periods.GetProperty("periods")[0].GetProperty("totals").EnumerateArray()
            .Select(t => (t.GetProperty("currency").GetString(), t.GetProperty("invoices").GetInt32(), t.GetProperty("total_mills").GetInt64(), t.GetProperty("amount_due_mills").GetInt64()));
        Assert.Equal([("CAD", 1, 143L, 140L), ("JPY", 1, 126_123L, 126_000L), ("KWD", 1, 1_234L, 1_234L)], totals);

        // In French: the labels translated, the amounts written as French writes them, each in its currency's decimals.
        using var fr = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await fr.LoginAsync("op-fr", Password)).StatusCode);
        var french = WebUtility.HtmlDecode(await BillingPagesTests.Form(fr, "/operator/billing", "Bill", ("period", ThreeCurrencies.Period)));
        Assert.Contains("<dt>Total factur\u00e9</dt><dd>126,123 JPY</dd>", Summary(french), StringComparison.Ordinal);
        Assert.Contains("<dt>Montant d\u00fb</dt><dd>126 JPY</dd>", Summary(french), StringComparison.Ordinal);
        Assert.Contains("<dt>Montant d\u00fb</dt><dd>0,14 CAD</dd>", Summary(french), StringComparison.Ordinal);
        Assert.Contains("0,143 CAD \u00b7 126,123 JPY \u00b7 1,234 KWD", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBalanceApi_AtItsPathAndItsDeprecatedOne_GivesTheBalanceInTheCurrencysMinorUnit_WithTheExactOneBeside()
    {
        await using var serve = new OwnServe("centrex-currency-balance-");
        var tariff = await ThreeCurrencies.Arrange(serve);
        var create = await PortalServer.Run(null, "apikey", "create", "--data", serve.Data, "--scope", "balances:read");
        Assert.True(create.Exit == 0, create.Error);
        var key = create.Output.Trim();
        var address = (await serve.StartAsync("--tariff", tariff))[0];
        using var http = new HttpClient { BaseAddress = address };

        foreach (var prefix in new[] { "/api/v1", "/v1" })
        {
            Assert.Equal(("-126", "-126.123", -126_123L, "JPY"), await Balance(http, key, $"{prefix}/accounts/A-JP/balance")); // was -126.12
            Assert.Equal(("-0.12", "-0.123", -123L, "CAD"), await Balance(http, key, $"{prefix}/accounts/A-CA/balance"));
            Assert.Equal(("-1.234", "-1.234", -1_234L, "KWD"), await Balance(http, key, $"{prefix}/accounts/A-KW/balance"));  // was -1.23
            Assert.Equal(("0.00", "0.000", 0L, (string?)null), await Balance(http, key, $"{prefix}/accounts/A-NONE/balance")); // no currency: cents
        }
    }

    private static async Task<(string?, string?, long, string?)> Balance(HttpClient http, string key, string path)
    {
        using var answer = await ApiKeys.Send(http, HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("balance").GetString(), json.GetProperty("balance_exact").GetString(), json.GetProperty("balance_mills").GetInt64(), json.TryGetProperty("currency", out var currency) ? currency.GetString() : "(none)");
    }

    private static string Summary(string html)
    {
        var start = html.IndexOf("id=\"run-summary\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no run summary on the page");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
