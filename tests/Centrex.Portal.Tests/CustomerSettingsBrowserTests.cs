using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// The IP Centrex settings pages in Debian's Chromium (issue 16): a customer adds an abbreviated number with the
/// keyboard through the labelled form, sees import's refusal beside the field it is about, then the number in the
/// table; screenshots of the settings and billing pages added for seed 004.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class CustomerSettingsBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task ACustomer_AddsAnAbbreviatedNumber_WithTheKeyboard_AndSeesARefusalBesideTheField()
    {
        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync("cust-bc");
        await _page.GetByLabel("Password").FillAsync(server.Password("cust-bc"));
        await _page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Link, new() { Name = "IP Centrex" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Abbreviated Dialing" }).ClickAsync();
        await _page.GetByLabel("Abbreviated #").FillAsync("17x");
        await _page.GetByLabel("# to dial").FillAsync("+16045550177");
        await _page.GetByLabel("# to dial").PressAsync("Enter");
        await Assertions.Expect(_page.Locator("#code-error")).ToContainTextAsync("'17x' is not 1 to 15 digits");
        await Assertions.Expect(_page.GetByLabel("Abbreviated #")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.Shot(_page, "20-abbreviated-refused");

        await _page.GetByLabel("Abbreviated #").FillAsync("177");
        await _page.GetByLabel("Abbreviated #").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Abbreviated number 177 saved.");
        await Assertions.Expect(_page.Locator("tbody tr").First).ToContainTextAsync("+16045550177");
        await Browser.Shot(_page, "21-abbreviated");

        foreach (var (path, heading, shot) in new[]
        {
            ("/customer/sites", "Sites", "22-sites"), ("/customer/dids", "DIDs", "23-dids"), ("/customer/dialing-rules", "Dialing Rules", "24-dialing-rules"),
            ("/customer/extensions", "Extensions", "25-extensions"), ("/customer/profile", "My Profile", "26-profile"), ("/customer/billing", "Billing Summary", "27-billing-summary"),
            ("/customer/subscriptions", "Subscriptions", "28-subscriptions"), ("/customer/transactions", "Transactions", "29-transactions"), ("/customer/payment-info", "Payment Info", "30-payment-info"),
        })
        {
            await _page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
            await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 })).ToBeVisibleAsync();
            await Browser.Shot(_page, shot);
        }
    }
}
