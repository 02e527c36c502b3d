using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Money through the pages (issue 16): the operator bills a month (a month billed already is shown, not billed again; a
/// bad month is named), voids and reissues an invoice, and enters a payment; a customer pays by card through the test
/// gateway (a decline's reason shown by the card field; an approval tops up the prepaid line's ledger balance at once).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BillingPagesTests(PortalServer server)
{
    [Fact]
    public async Task TheOperator_BillsAMonthOnce_NamesABadMonth_AndVoidsAndReissuesAnInvoice()
    {
        using var op = await Sessions.SignedIn(server, "operator");

        var again = await Form(op, "/operator/billing", "Bill", ("period", "2026-10"));
        Assert.Contains("2026-10 was billed already", again, StringComparison.Ordinal);
        var bad = await Form(op, "/operator/billing", "Bill", ("period", "2026-13"));
        Assert.Contains("id=\"period-error\">a month written YYYY-MM", bad, StringComparison.Ordinal);

        using var ns = await Sessions.SignedIn(server, "cust-ns");
        var latest = (await ns.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices"))[0].GetProperty("number").GetInt64();
        var reissued = await Form(op, "/operator/billing", "Reissue", ("number", latest.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", "wrong address"));
        Assert.Contains($"Invoice {latest:D6} voided", reissued, StringComparison.Ordinal);

        var invoices = await ns.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices?void=true");
        Assert.True(invoices.EnumerateArray().Single(i => i.GetProperty("number").GetInt64() == latest).GetProperty("void").GetBoolean());
        Assert.Equal(latest, invoices[0].GetProperty("replaces").GetInt64());
    }

    [Fact]
    public async Task ACustomersCardPayment_IsDeclinedWithTheReason_OrToppsUpItsPrepaidLineAtOnce()
    {
        using var bc = await Sessions.SignedIn(server, "cust-bc");
        var before = await Balance("ACC-1004");

        var declined = await Form(bc, "/customer/payments", null, ("amount", "25.00"), ("card", "tok_visa_insufficient-funds"), ("line", "ACC-1004"));
        Assert.Contains("id=\"card-error\" role=\"alert\">declined: insufficient funds", declined, StringComparison.Ordinal);
        Assert.Equal(before, await Balance("ACC-1004"));
        var tooSmall = await Form(bc, "/customer/payments", null, ("amount", "1.00"), ("card", "tok_visa"), ("line", ""));
        Assert.Contains("id=\"amount-error\">from 5.00", tooSmall, StringComparison.Ordinal);

        var approved = await Form(bc, "/customer/payments", null, ("amount", "25.00"), ("card", "tok_visa"), ("line", "ACC-1004"));
        Assert.Contains("Payment of 25.00 CAD approved", approved, StringComparison.Ordinal);
        Assert.Equal(before + 25_000, await Balance("ACC-1004"));
        var export = (await PortalServer.Run(null, "provision", "export", "--data", server.Data)).Output;
        Assert.Contains("(Top-up of ACC-1004)", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOperator_EntersAPayment_AndABadAmountIsNamed()
    {
        using var op = await Sessions.SignedIn(server, "operator");

        var bad = await Form(op, "/operator/payments", null, ("customer", "CUST-US"), ("received", "2026-12-01"), ("amount", "-3"), ("method", "bank-transfer"), ("kind", "payment"), ("reference", "WIRE 1"));
        Assert.Contains("id=\"amount-error\">a positive amount", bad, StringComparison.Ordinal);
        var ok = await Form(op, "/operator/payments", null, ("customer", "CUST-US"), ("received", "2026-12-01"), ("amount", "120.50"), ("method", "bank-transfer"), ("kind", "payment"), ("reference", "WIRE 77"));
        Assert.Contains("recorded for CUST-US", ok, StringComparison.Ordinal);
        Assert.Contains("WIRE 77", (await PortalServer.Run(null, "provision", "export", "--data", server.Data)).Output, StringComparison.Ordinal);
    }

    private async Task<long> Balance(string account)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.BalancesKey);
        return (await http.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{account}/balance")).GetProperty("balance_mills").GetInt64();
    }

    /// <summary>Posts a page's form (following the redirect of a success) and returns the page shown after.</summary>
    internal static async Task<string> Form(PortalClient client, string path, string? handler, params (string Name, string Value)[] fields)
    {
        var token = await client.FormTokenAsync(path);
        var content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
        var response = await client.Http.PostAsync(handler is null ? path : $"{path}?handler={handler}", content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.Http.GetStringAsync(response.Headers.Location!.OriginalString is { Length: > 0 } to ? to : path);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
