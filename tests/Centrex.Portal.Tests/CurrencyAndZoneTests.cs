using Centrex.Portal.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Tests;

/// <summary>
/// Dates and money in the customer's time zone and currency (issue 16, usability). Billing labels every amount with the
/// customer's ISO 4217 code (provisioning's <c>currency</c>; the tariff has no currency of its own and nothing is
/// converted), so CUST-TYO (USD, Asia/Tokyo) sees its amounts in USD and CUST-PAR (EUR) in EUR, and every date and time
/// in Tokyo's: TYO's call at 23:30 UTC on the 15th shows on the 16th at 08:30 in the Call Logs, on the dashboard and in
/// the Transactions, and its call at 23:30 UTC on a month's last day counts in the next month (the Transactions of that
/// day in Tokyo, the next month's invoice).
/// </summary>
[Collection(ZonedCollection.Name)]
public sealed class CurrencyAndZoneTests(ZonedServer server)
{
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    [Fact]
    public async Task ACallAt2330Utc_ShowsOnTheNextDayInTokyo_InTheCallLogsDashboardAndTransactions_WithUsdAmounts()
    {
        using var tyo = await Sessions.SignedIn(server, "tyo");
        await Sessions.WaitForCalls(tyo);
        var late = Local(server.TokyoLateCall);
        Assert.Equal((16, 8, 30), (late.Day, late.Hour, late.Minute)); // the 15th at 23:30 UTC
        var shown = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss").Format(late);

        // Call Logs: the Tokyo day finds it, the UTC day does not.
        var day = Date(late.Date);
        var calls = await tyo.Http.GetStringAsync($"/customer/calls?from={day}&to={day}");
        Assert.Contains($"<td>{shown}</td><td>TYO-1</td><td>101</td><td>12125550100</td><td>outgoing</td>", calls, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.800 USD</td>", calls, StringComparison.Ordinal);
        var utcDay = Date(late.Date.PlusDays(-1));
        Assert.DoesNotContain(shown, await tyo.Http.GetStringAsync($"/customer/calls?from={utcDay}&to={utcDay}"), StringComparison.Ordinal);

        // The dashboard: the recent call in Tokyo's time, the balance and credit limit in USD.
        var dashboard = await tyo.Http.GetStringAsync("/customer");
        Assert.Contains($"<td>{shown}</td><td>TYO-1</td>", dashboard, StringComparison.Ordinal);
        Assert.Matches("id=\"balance\">-?[0-9,]+\\.[0-9]{2} USD</dd>", dashboard);
        Assert.Contains("<dd>100.00 USD</dd>", dashboard, StringComparison.Ordinal); // TYO-1's credit limit
        Assert.Contains("<dd>Asia/Tokyo</dd>", dashboard, StringComparison.Ordinal);

        // Transactions: the call on its Tokyo day; the call at 23:30 UTC on a month's last day on the next month's first.
        var transactions = await tyo.Http.GetStringAsync($"/customer/transactions?from={day}&to={day}");
        Assert.Contains($"<td>{day}</td><td>calls</td><td>TYO-1</td>", transactions, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.800 USD</td>", transactions, StringComparison.Ordinal);
        var edge = Local(server.TokyoEdgeCall).Date;
        Assert.Equal(1, edge.Day);
        Assert.Contains($"<td>{Date(edge)}</td><td>calls</td><td>TYO-1</td>", await tyo.Http.GetStringAsync($"/customer/transactions?from={Date(edge)}&to={Date(edge)}"), StringComparison.Ordinal);
        Assert.DoesNotContain("<td>calls</td>", await tyo.Http.GetStringAsync($"/customer/transactions?from={Date(edge.PlusDays(-1))}&to={Date(edge.PlusDays(-1))}"), StringComparison.Ordinal);

        // Invoices: amounts in USD; the third month's holds both of its Tokyo calls (1.860).
        var invoices = await tyo.Http.GetStringAsync("/customer/invoices");
        Assert.Contains("<td class=\"num\">1.86 USD</td>", invoices, StringComparison.Ordinal);
        Assert.DoesNotContain("CAD", invoices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCustomersCurrency_IsTheOneItsPagesShow()
    {
        using var par = await Sessions.SignedIn(server, "par");

        Assert.Contains("<td class=\"num\">1.20 EUR</td>", await par.Http.GetStringAsync("/customer/invoices"), StringComparison.Ordinal);
        var dashboard = await par.Http.GetStringAsync("/customer");
        Assert.Matches("id=\"balance\">-?[0-9,]+\\.[0-9]{2} EUR</dd>", dashboard);
        Assert.DoesNotContain("USD", dashboard, StringComparison.Ordinal);
    }

    private static LocalDateTime Local(Instant instant) => instant.InZone(Tokyo).LocalDateTime;

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
