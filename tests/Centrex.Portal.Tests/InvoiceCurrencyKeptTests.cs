using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Cli.Tests.Support;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// An invoice keeps the currency it was issued in: October is billed while C-CA is in dollars (0.143 CAD,
/// <see cref="ThreeCurrencies"/>), then <c>provision import</c> moves C-CA to yen and November is billed. Through a real
/// serve, the customer's Invoices page and API, its Billing Summary and the operator's billing months still show October
/// in CAD, and November in JPY (every display took the customer's current currency: 0.143 CAD became 0.143 JPY), and
/// the Dashboard and Make a Payment owe October's amount in CAD (they summed every invoice into one amount in JPY).
/// </summary>
public sealed class InvoiceCurrencyKeptTests
{
    private const string Password = "invoice-currency-pw-1";

    [Fact]
    public async Task AnInvoice_IsShownInTheCurrencyItWasIssuedIn_AfterTheCustomersCurrencyChanges()
    {
        await using var serve = new OwnServe("centrex-invoice-currency-");
        await ThreeCurrencies.Arrange(serve);
        await Bill(serve, ThreeCurrencies.Period);
        await serve.Import("to-yen.json", ThreeCurrencyFiles.Provisioning.Replace("\"currency\": \"CAD\"", "\"currency\": \"JPY\"", StringComparison.Ordinal));
        await Bill(serve, "2026-11");
        await serve.AddLogin("ca", "C-CA", Password);
        await serve.AddLogin("op", null, Password);
        var address = (await serve.StartAsync())[0];

        using var customer = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await customer.LoginAsync("ca", Password)).StatusCode);
        var page = await customer.Http.GetStringAsync("/customer/invoices");
        Assert.Contains("<td class=\"num\">0.14 CAD</td>\n                <td class=\"num\">0.14 CAD</td>", page, StringComparison.Ordinal); // October's amount and amount due
        Assert.Contains("<td class=\"num\">0 JPY</td>", page, StringComparison.Ordinal); // November's

        var invoices = (await customer.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices")).EnumerateArray()
            .Select(i => (i.GetProperty("period").GetString(), i.GetProperty("total_mills").GetInt64(), i.GetProperty("currency").GetString())).ToList();
        Assert.Equal([("2026-11", "JPY"), ("2026-10", "CAD")], invoices.Select(i => (i.Item1, i.Item3))); // November billed in yen
        Assert.Equal(143L, invoices[1].Item2);

        var summary = await customer.Http.GetStringAsync("/customer/billing");
        Assert.Contains("id=\"balance-due\">0.14 CAD</dd>", summary, StringComparison.Ordinal); // October's, still owed in dollars
        Assert.Contains("id=\"overdue\">0.14 CAD</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("000004</a>: 0 JPY</dd>", summary, StringComparison.Ordinal); // the last invoice, November's, in yen

        // The Dashboard and Make a Payment owe October's dollars in dollars too (they summed every invoice and showed the
        // sum in yen: "0 JPY"); their API answers give the amount in the customer's currency and every currency owed.
        Assert.Contains("id=\"amount-due\">0.14 CAD</dd>", await customer.Http.GetStringAsync("/customer"), StringComparison.Ordinal);
        Assert.Contains("id=\"amount-due\">0.14 CAD</strong>", await customer.Http.GetStringAsync("/customer/payments"), StringComparison.Ordinal);
        foreach (var api in new[] { "/api/v1/me/dashboard", "/api/v1/me/payments" })
        {
            var answer = await customer.Http.GetFromJsonAsync<JsonElement>(api);
            Assert.Equal(0L, answer.GetProperty("amount_due_mills").GetInt64()); // nothing owed in yen
            var owed = answer.GetProperty("amounts_due").EnumerateArray().Select(a => (a.GetProperty("currency").GetString(), a.GetProperty("amount_mills").GetInt64()));
            Assert.Equal([("CAD", 140L)], owed);
        }

        using var op = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await op.LoginAsync("op", Password)).StatusCode);
        var billing = await op.Http.GetStringAsync("/operator/billing");
        Assert.Contains("<td>2026-10</td><td class=\"num\">3</td><td class=\"num\">0</td><td class=\"num\">0.143 CAD &#xB7; 126.123 JPY &#xB7; 1.234 KWD</td>", billing, StringComparison.Ordinal);
        var periods = await op.Http.GetFromJsonAsync<JsonElement>("/api/v1/operator/billing/periods");
        var octoberTotals = periods.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == ThreeCurrencies.Period)
            .GetProperty("totals").EnumerateArray().Select(t => (t.GetProperty("currency").GetString(), t.GetProperty("total_mills").GetInt64()));
        Assert.Equal([("CAD", 143L), ("JPY", 126_123L), ("KWD", 1_234L)], octoberTotals);
    }

    private static async Task Bill(OwnServe serve, string period)
    {
        var bill = await PortalServer.Run(null, "bill", "--data", serve.Data, "--period", period);
        Assert.True(bill.Exit == 0, bill.Error + bill.Output);
    }
}
