using System.Net;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The Volume Discounts page's tables sorted on the server (issue 16): CUST-JPN's plan DP-JP on two lines
/// (<see cref="BillingDayServer"/>), its usage table by line both ways, its history (JPN-2's month and JPN-1's) by month
/// both ways, each table's order in its own keys (<c>usage_sort</c>, <c>history_sort</c>) so sorting one keeps the other's.
/// </summary>
[Collection(BillingDayCollection.Name)]
public sealed class DiscountTablesSortTests(BillingDayServer server)
{
    [Fact]
    public async Task TheUsageAndHistoryTables_SortBothWays_EachKeepingTheOthersOrder()
    {
        using var jpn = await Sessions.SignedIn(server, "jpn");
        await Sessions.WaitForCalls(jpn);

        Assert.Equal(["JPN-1", "JPN-2"], HtmlTable.Cells(await jpn.Http.GetStringAsync("/customer/discounts?usage_sort=line&usage_dir=asc"), 1, table: 0));
        Assert.Equal(["JPN-2", "JPN-1"], HtmlTable.Cells(await jpn.Http.GetStringAsync("/customer/discounts?usage_sort=line&usage_dir=desc"), 1, table: 0));

        var (older, newer) = (Month(server.Months[1]), Month(server.Months[2]));
        var up = await jpn.Http.GetStringAsync("/customer/discounts?history_sort=month&history_dir=asc&usage_sort=line&usage_dir=desc");
        Assert.Equal([older, newer], HtmlTable.Cells(up, 1, table: 1));
        Assert.Equal(["JPN-2", "JPN-1"], HtmlTable.Cells(up, 2, table: 1)); // JPN-2 called in the older month
        Assert.Equal([newer, older], HtmlTable.Cells(await jpn.Http.GetStringAsync("/customer/discounts?history_sort=month&history_dir=desc"), 1, table: 1));
        Assert.Contains("<details open=\"open\">", up, StringComparison.Ordinal); // a sorted history is shown open

        // The history's header keeps the usage's order, and both headers say how they are sorted.
        Assert.Matches("<th aria-sort=\"ascending\"><a href=\"[^\"]*history_sort=month&amp;history_dir=desc[^\"]*usage_sort=line|<th aria-sort=\"ascending\"><a href=\"[^\"]*usage_sort=line[^\"]*history_sort=month&amp;history_dir=desc", up);
        Assert.Contains("<th aria-sort=\"descending\"><a href=", up, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await jpn.Http.GetAsync("/customer/discounts?history_sort=rowid")).StatusCode);
    }

    private static string Month(NodaTime.YearMonth month) => NodaTime.Text.YearMonthPattern.Iso.Format(month);
}
