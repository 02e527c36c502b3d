using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Tests;

/// <summary>
/// The Invoices page (seed 004, Billing Information › Invoices; issue 16) over invoices the real billing run issued: the
/// six statuses each come from the data (what was billed, what the operator entered as paid, the due date against
/// today on serve's clock in the customer's zone); a search by number and by date range; a voided invoice shown when
/// asked, with its replacement; the invoice's CSV downloaded as <c>invoice-NNNNNN.csv</c> and read back. Serve runs on
/// <see cref="BillingDayServer"/>'s clock (the 12th of a month), so each status holds on every day of the year.
/// </summary>
[Collection(BillingDayCollection.Name)]
public sealed partial class InvoiceStatusTests(BillingDayServer server)
{
    [Fact]
    public async Task EachStatus_ComesFromBillingPaymentsAndDueDates_TheSearchFindsByNumberAndDate_VoidOnesShow_TheCsvDownloads()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        using var tyo = await Sessions.SignedIn(server, "tyo");
        using var par = await Sessions.SignedIn(server, "par");
        using var nil = await Sessions.SignedIn(server, "nil");
        var tyoInvoices = await Invoices(tyo, string.Empty);
        var parInvoices = await Invoices(par, string.Empty);
        Assert.Equal(3, tyoInvoices.Count);
        Assert.Equal(3, parInvoices.Count);
        // The month's calls at 0.06 a minute: 10, 20 and 30 minutes, and TYO's call at 23:30 UTC on the second month's
        // last day is in the third month in Tokyo (its invoice, not the second's).
        Assert.Equal([600L, 1_200L, 1_860L], tyoInvoices.Select(i => i.GetProperty("total_mills").GetInt64()));
        Assert.Equal([600L, 1_200L, 1_800L], parInvoices.Select(i => i.GetProperty("total_mills").GetInt64()));

        // The operator enters what each paid today (serve's): TYO its first invoice; PAR its first two and 0.50 of the third.
        var today = server.Today;
        await Pay(op, "CUST-TYO", today, "0.60");
        await Pay(op, "CUST-PAR", today, "2.30");
        // The operator voids PAR's third invoice and reissues it: the void one is N/A, its replacement takes the payment.
        var third = parInvoices[2].GetProperty("number").GetInt64();
        var reissued = await BillingPagesTests.Form(op, "/operator/billing", "Reissue", ("number", third.ToString(CultureInfo.InvariantCulture)), ("reason", "wrong contact"));
        Assert.Contains($"Invoice {third:D6} voided", reissued, StringComparison.Ordinal);

        // Unpaid and Partially Paid need a due date after today: the third month's invoice is due 30 days after its last
        // day, after serve's 12th; the second month's was due by the 2nd.
        Assert.True(LocalDatePattern.Iso.Parse(tyoInvoices[2].GetProperty("due_on").GetString()!).Value > today);
        Assert.True(LocalDatePattern.Iso.Parse(tyoInvoices[1].GetProperty("due_on").GetString()!).Value < today);
        var tyoPage = Statuses(await tyo.Http.GetStringAsync("/customer/invoices"));
        Assert.Equal(new Dictionary<long, string>
        {
            [Number(tyoInvoices[0])] = "Paid",
            [Number(tyoInvoices[1])] = "Overdue", // nothing paid, due a month and more ago
            [Number(tyoInvoices[2])] = "Unpaid",
        }, tyoPage);
        var parNow = await Invoices(par, "?void=true");
        var replacement = Number(parNow.Single(i => i.TryGetProperty("replaces", out var r) && r.ValueKind == JsonValueKind.Number && r.GetInt64() == third));
        Assert.Equal(new Dictionary<long, string>
        {
            [Number(parInvoices[0])] = "Paid",
            [Number(parInvoices[1])] = "Paid",
            [third] = "N/A",
            [replacement] = "Partially Paid",
        }, Statuses(await par.Http.GetStringAsync("/customer/invoices?void=true")));
        Assert.DoesNotContain(third, Statuses(await par.Http.GetStringAsync("/customer/invoices")).Keys); // void ones only when asked
        Assert.Contains($"{third:D6} (void)", await par.Http.GetStringAsync("/customer/invoices?void=true"), StringComparison.Ordinal);
        Assert.Contains($"replaces {third:D6}", await par.Http.GetStringAsync("/customer/invoices"), StringComparison.Ordinal);
        // A customer without a call owes nothing on any invoice: Do Not Pay.
        var nilPage = Statuses(await nil.Http.GetStringAsync("/customer/invoices"));
        Assert.Equal(3, nilPage.Count);
        Assert.All(nilPage.Values, s => Assert.Equal("Do Not Pay", s));

        // Search: by number (000042 or 42), by the issue dates of the second month only, and a reversed range named.
        Assert.Equal([Number(tyoInvoices[1])], Statuses(await tyo.Http.GetStringAsync($"/customer/invoices?number={Number(tyoInvoices[1])}")).Keys);
        Assert.Equal([Number(tyoInvoices[1])], Statuses(await tyo.Http.GetStringAsync($"/customer/invoices?number={Number(tyoInvoices[1]):D6}")).Keys);
        var secondIssued = tyoInvoices[1].GetProperty("issued_on").GetString();
        Assert.Equal([Number(tyoInvoices[1])], Statuses(await tyo.Http.GetStringAsync($"/customer/invoices?from={secondIssued}&to={secondIssued}")).Keys);
        Assert.Equal(2, Statuses(await tyo.Http.GetStringAsync($"/customer/invoices?from={secondIssued}")).Count);
        Assert.Contains("id=\"to-error\">the end date is before the start date", await tyo.Http.GetStringAsync($"/customer/invoices?from={secondIssued}&to=2000-01-01"), StringComparison.Ordinal);
        Assert.Empty(Statuses(await tyo.Http.GetStringAsync($"/customer/invoices?number={Number(parInvoices[0])}"))); // another customer's number finds nothing

        // The CSV of TYO's third invoice: named by its number, its two calls of the month in Tokyo, 31 minutes billed, 1.860.
        using var csv = await tyo.Http.GetAsync($"/api/v1/me/invoices/{Number(tyoInvoices[2])}/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"invoice-{Number(tyoInvoices[2]):D6}.csv", csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("invoice,customer,period,section,account,description,from,to,calls,billed_seconds,amount", lines[0]);
        var period = YearMonthPattern.Iso.Format(server.Months[2]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith($"{Number(tyoInvoices[2]):D6},CUST-TYO,{period},", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",2,1860,1.860", StringComparison.Ordinal) && l.Contains("North America", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await par.Http.GetAsync($"/api/v1/me/invoices/{Number(tyoInvoices[2])}/csv")).StatusCode);
    }

    private static long Number(JsonElement invoice) => invoice.GetProperty("number").GetInt64();

    // The customer's invoices oldest first (the API lists the newest first).
    private static async Task<List<JsonElement>> Invoices(PortalClient client, string query) =>
        [.. (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices" + query)).EnumerateArray().Reverse()];

    private static async Task Pay(PortalClient op, string customer, LocalDate received, string amount)
    {
        var page = await BillingPagesTests.Form(op, "/operator/payments", null, ("customer", customer), ("received", LocalDatePattern.Iso.Format(received)),
            ("amount", amount), ("method", "bank-transfer"), ("kind", "payment"), ("reference", "WIRE " + customer));
        Assert.Contains($"recorded for {customer}", page, StringComparison.Ordinal);
    }

    // Each invoice row of the page: its number and the status shown.
    private static Dictionary<long, string> Statuses(string page) =>
        Row().Matches(page).ToDictionary(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);

    [GeneratedRegex(@"<td>(\d{6})[^<]*</td>\s*<td>[^<]*</td>\s*<td class=""status-[a-z]+"">([^<]+)</td>")]
    private static partial Regex Row();
}
