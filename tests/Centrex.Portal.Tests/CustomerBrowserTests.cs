using Centrex.Invoicing.Tests.Support;
using Centrex.Portal.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// A customer in a real browser (issue 16): logs in through the form, sees the dashboard, searches the invoices and
/// downloads one as PDF (read back with pdftotext), downloads the xDR as XLSX (opened with the OpenXml SDK), runs a call
/// search, and gets 404 for another customer's invoice URL. Screenshots of each page, and of the dashboard at a phone's size.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class CustomerBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task Customer_SearchesAndDownloadsAnInvoicePdf_AndAnXdrXlsx_SearchesCalls_AndCannotOpenAnotherCustomersInvoice()
    {
        using var us = await Sessions.SignedIn(server, "cust-us");
        var otherInvoice = System.Text.Json.JsonDocument.Parse(await us.Http.GetStringAsync("/api/v1/me/invoices")).RootElement[0].GetProperty("number").GetInt64();

        await _page.GotoAsync(new Uri(server.BaseAddress, "/customer").ToString());
        Assert.Contains("/account/login", _page.Url, StringComparison.Ordinal);
        await Browser.Shot(_page, "01-login");
        await _page.GetByLabel("Login").FillAsync("cust-qc");
        await _page.GetByLabel("Password").FillAsync(server.Password("cust-qc"));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#balance")).ToContainTextAsync("CAD");
        await Browser.Shot(_page, "02-dashboard");
        await _page.SetViewportSizeAsync(390, 844);
        await Browser.Shot(_page, "02-dashboard-phone");
        await _page.SetViewportSizeAsync(1280, 860);

        // Invoices: search by number, then download the PDF from the result row.
        // The tab opens on the Billing Summary (seed 004's first page of Billing Information); Invoices is in its menu.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Billing Information" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Billing Summary" })).ToBeVisibleAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Invoices" })).ToBeVisibleAsync();
        var first = (await _page.Locator("tbody tr td").First.InnerTextAsync()).Trim()[..6];
        await _page.GetByLabel("Invoice number").FillAsync(first);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(_page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Browser.Shot(_page, "03-invoices");
        var pdf = await _page.RunAndWaitForDownloadAsync(() => _page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());
        Assert.Equal($"invoice-{first}.pdf", pdf.SuggestedFilename);
        var pdfPath = Path.Combine(server.Data, pdf.SuggestedFilename);
        await pdf.SaveAsAsync(pdfPath);
        var text = Pdf.ToText(pdfPath);
        Assert.Contains("INVOICE", text, StringComparison.Ordinal);
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains("Boulangerie Tremblay", text, StringComparison.Ordinal);

        // Reports: October's xDR as XLSX, opened with the OpenXml SDK.
        await _page.GotoAsync(new Uri(server.BaseAddress, "/customer/reports").ToString());
        await _page.GetByLabel("From date").FillAsync("2026-10-01");
        await _page.GetByLabel("To date").FillAsync("2026-10-31");
        await _page.GetByLabel("Format", new() { Exact = true }).SelectOptionAsync("xlsx");
        await Browser.Shot(_page, "04-reports");
        var xlsx = await _page.RunAndWaitForDownloadAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        Assert.Equal("xdr-CUST-QC-2026-10-01-2026-10-31.xlsx", xlsx.SuggestedFilename);
        var xlsxPath = Path.Combine(server.Data, xlsx.SuggestedFilename);
        await xlsx.SaveAsAsync(xlsxPath);
        using (var workbook = SpreadsheetDocument.Open(xlsxPath, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["Calls", "Summary"], sheets);
            var calls = (WorksheetPart)workbook.WorkbookPart.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            Assert.True(calls.Worksheet.Descendants<Row>().Count() > 10);
        }

        // Call Logs: a number search, kept in the URL.
        using (var qc = await Sessions.SignedIn(server, "cust-qc"))
        {
            await Sessions.WaitForCalls(qc);
        }

        await _page.GotoAsync(new Uri(server.BaseAddress, "/customer/calls").ToString());
        // A public number (the newest calls may be the switch's own, to an extension: Call Logs lists every call).
        var callees = await _page.Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync();
        var callee = callees.Select(c => c.Trim()).First(c => c.Length >= 7 && c.All(char.IsAsciiDigit));
        await _page.GetByLabel("Number").FillAsync(callee[..7]);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Contains("number=" + callee[..7], _page.Url, StringComparison.Ordinal);
        var rows = await _page.Locator("tbody tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(callee[..7], r, StringComparison.Ordinal));
        await Browser.Shot(_page, "05-calls");

        // Another customer's invoice, by URL: 404.
        var response = await _page.GotoAsync(new Uri(server.BaseAddress, $"/api/v1/me/invoices/{otherInvoice}/pdf").ToString());
        Assert.Equal(404, response!.Status);
    }
}
