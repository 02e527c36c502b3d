using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Invoicing.Tests.Support;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Money in the decimals of the customer's currency (issue 16: "dates and money shown in the customer's ... currency";
/// ISO 4217 minor units): a JPY customer reads whole yen on the dashboard, in the Call Logs, on the Invoices page and in
/// the invoice's PDF; a KWD customer reads three decimals (the fils is the mill); a USD customer two. The amount due is
/// the closing balance rounded half away from zero to that unit (246.600 yen → 247: the last invoice's 186.600 and the
/// 60 the one before left unpaid), the same on the invoice and on every page, whose dashboard sums the invoices' own
/// rounded amounts (60 and 187). Exact amounts keep the mill: a call's charge of 0.600 yen is shown so, a whole one as 60.
/// </summary>
[Collection(BillingDayCollection.Name)]
public sealed class CurrencyDecimalsTests(BillingDayServer server) : IDisposable
{
    private readonly string _pdf = Path.Combine(Path.GetTempPath(), "centrex-currency-" + Guid.NewGuid().ToString("N")[..10] + ".pdf");

    public void Dispose() => File.Delete(_pdf);

    [Fact]
    public async Task AJpyCustomer_ReadsWholeYen_OnTheDashboardCallLogsInvoicesAndPdf()
    {
        using var jpn = await Sessions.SignedIn(server, "jpn");
        await Sessions.WaitForCalls(jpn);

        var dashboard = await jpn.Http.GetStringAsync("/customer");
        Assert.Matches("id=\"balance\">-?[0-9,]+ JPY</dd>", dashboard);
        Assert.Contains("<dt>Credit limit</dt><dd>200 JPY</dd>", dashboard, StringComparison.Ordinal); // two lines of 100
        Assert.Contains("id=\"amount-due\">247 JPY</dd>", dashboard, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">126 JPY</td>", dashboard, StringComparison.Ordinal); // a recent call
        Assert.DoesNotMatch("[0-9]\\.[0-9]{2} JPY", dashboard.Replace("0.600 JPY", string.Empty, StringComparison.Ordinal));

        var calls = await jpn.Http.GetStringAsync("/customer/calls");
        Assert.Contains("<td class=\"num\">60 JPY</td>", calls, StringComparison.Ordinal);   // 10 minutes to Japan at 6
        Assert.Contains("<td class=\"num\">126 JPY</td>", calls, StringComparison.Ordinal);  // 21 minutes
        Assert.Contains("<td class=\"num\">0.600 JPY</td>", calls, StringComparison.Ordinal); // 10 minutes at 0.06: the mills are kept, not hidden
        Assert.DoesNotContain(".00 JPY", calls, StringComparison.Ordinal);

        var invoice = (await jpn.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices")).EnumerateArray().First();
        Assert.Equal(186_600, invoice.GetProperty("total_mills").GetInt64());
        Assert.Equal(247_000, invoice.GetProperty("amount_due_mills").GetInt64());
        var invoices = await jpn.Http.GetStringAsync("/customer/invoices");
        Assert.Matches("<td class=\"num\">187 JPY</td>\\s*<td class=\"num\">247 JPY</td>", invoices); // its total, its amount due
        Assert.DoesNotContain(".00 JPY", invoices, StringComparison.Ordinal);

        var text = await PdfText(jpn, invoice.GetProperty("number").GetInt64());
        Assert.Matches(@"Amount due \(rounded to the whole unit\)\s+JPY 247\b", text);
        Assert.Matches(@"Balance\s+247 \(exact 246\.600\)", text);
        Assert.Matches(@"Previous balance\s+60\b", text);
        Assert.DoesNotMatch(@"JPY [0-9,]+\.[0-9]", text);
        Assert.DoesNotContain("247.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKwdCustomer_ReadsThreeDecimals_AndAUsdCustomerTwo()
    {
        using var kwt = await Sessions.SignedIn(server, "kwt");
        await Sessions.WaitForCalls(kwt);
        var dashboard = await kwt.Http.GetStringAsync("/customer");
        Assert.Contains("id=\"amount-due\">1.234 KWD</dd>", dashboard, StringComparison.Ordinal);
        Assert.Contains("<dd>100.000 KWD</dd>", dashboard, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.234 KWD</td>", await kwt.Http.GetStringAsync("/customer/calls"), StringComparison.Ordinal);
        var invoice = (await kwt.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices")).EnumerateArray().First();
        Assert.Equal(1_234, invoice.GetProperty("amount_due_mills").GetInt64());
        Assert.Matches(@"Amount due\s+KWD 1\.234\b", await PdfText(kwt, invoice.GetProperty("number").GetInt64()));

        using var tyo = await Sessions.SignedIn(server, "tyo");
        var usd = await tyo.Http.GetStringAsync("/customer");
        Assert.Matches("id=\"balance\">-?[0-9,]+\\.[0-9]{2} USD</dd>", usd);
        Assert.Contains("<dd>100.00 USD</dd>", usd, StringComparison.Ordinal);
        var last = (await tyo.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices")).EnumerateArray().First();
        Assert.Matches(@"Amount due \(rounded to the cent\)\s+USD [0-9,]+\.[0-9]{2}\b", await PdfText(tyo, last.GetProperty("number").GetInt64()));
    }

    private async Task<string> PdfText(PortalClient client, long number)
    {
        using var response = await client.Http.GetAsync($"/api/v1/me/invoices/{number}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await File.WriteAllBytesAsync(_pdf, await response.Content.ReadAsByteArrayAsync());
        return Pdf.ToText(_pdf);
    }
}
