using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator in a real browser (issue 16): uploads a tariff with an error and sees the line and field named beside the
/// file input (the message of <c>centrex rate</c>), then a good one: previewed, and scheduled from a day.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class OperatorBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task Operator_UploadsATariffWithAnError_SeesTheLineAndFieldNamed_ThenSchedulesAGoodOne()
    {
        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync("operator");
        await _page.GetByLabel("Password").FillAsync(server.Password("operator"));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Customers" })).ToBeVisibleAsync();
        // The six demo customers (other tests of the collection may have added more).
        foreach (var company in new[] { "Boulangerie Tremblay inc.", "Lakeshore Dental Group", "Harbour Freight Brokers Ltd.", "Cedar Ridge Architects", "Prairie Sky Logistics", "Hudson Analytics LLC" })
        {
            await Assertions.Expect(_page.Locator("tbody tr").Filter(new() { HasText = company })).ToHaveCountAsync(1);
        }

        await Browser.Shot(_page, "10-operator-customers");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Tariffs" }).ClickAsync();
        var header = "prefix,destination,rate,connect_fee,first_increment,next_increment\n";
        await _page.GetByLabel("Tariff CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "bad-tariff.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(header + "1416,Toronto,0.012,0,60,60\n44,UK,0.05x,0,1,1\n"),
        });
        await _page.GetByRole(AriaRole.Button, new() { Name = "Check and preview" }).ClickAsync();
        var error = _page.Locator("#file-error");
        await Assertions.Expect(error).ToContainTextAsync("bad-tariff.csv: line 3, field 'rate'");
        Assert.Equal("true", await _page.GetByLabel("Tariff CSV").GetAttributeAsync("aria-invalid"));
        await Browser.Shot(_page, "11-operator-tariff-error");

        await _page.GetByLabel("Tariff CSV").SetInputFilesAsync(new FilePayload
        {
            Name = "good-tariff.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(header + "1416,Toronto,0.012,0,60,60\n44,UK,0.05,0,1,1\n"),
        });
        await _page.GetByRole(AriaRole.Button, new() { Name = "Check and preview" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#preview-summary")).ToContainTextAsync("2 prefixes, valid");
        await _page.GetByLabel("Activate on").FillAsync("2099-01-01");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tariff scheduled from 2099-01-01 (00:00 UTC): calls starting from then are rated with it.");
        await Assertions.Expect(_page.Locator("table")).ToContainTextAsync("2099-01-01");
        await Browser.Shot(_page, "12-operator-tariffs");
        Assert.True(File.Exists(Path.Combine(server.Data, "tariffs", "2099-01-01.csv")));
    }
}
