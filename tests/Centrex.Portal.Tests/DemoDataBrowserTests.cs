using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// What <c>centrex demo</c> leaves for the portal, in Debian's Chromium (issue 16: "demo creates one operator and one
/// login per sample customer"): the bakery's IP Centrex pages show its phones, hunt group, DIDs, abbreviated dialing
/// and site limits as the demo provisioned them; and a demo customer makes a payment right away, through the test
/// gateway the demo chose (the fixture configures none), then sees it in Transactions and its amount due go down.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed partial class DemoDataBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task TheBakery_SeesItsPhones_HuntGroup_Dids_AbbreviatedDialing_AndSiteLimits()
    {
        await LogIn("cust-qc");

        await Open("/customer/extensions", "Extensions");
        foreach (var (line, extension, name) in new[] { ("ACC-1001", "101", "Isabelle"), ("ACC-1101", "111", "Marc"), ("ACC-1201", "121", "Sophie") })
        {
            await Assertions.Expect(_page.Locator($"#ext-{line}-number")).ToHaveValueAsync(extension);
            await Assertions.Expect(_page.Locator($"#ext-{line}-name")).ToHaveValueAsync(name);
        }

        await Browser.Shot(_page, "40-demo-extensions");
        await Open("/customer/huntgroups", "Huntgroups");
        await Assertions.Expect(_page.Locator("tbody tr").Filter(new() { HasText = "Comptoir" })).ToContainTextAsync("101, 111, 121");
        await Open("/customer/dids", "DIDs");
        await Assertions.Expect(_page.Locator("main")).ToContainTextAsync("15145550143");
        await Open("/customer/abbreviated-dialing", "Abbreviated Dialing");
        await Assertions.Expect(_page.Locator("tbody tr").Filter(new() { HasText = "+15145550188" })).ToContainTextAsync("88");
        await Open("/customer/lines", "Phone Lines");
        await Assertions.Expect(_page.Locator("main")).ToContainTextAsync("ACC-1201");
        await Open("/customer/sites", "Sites");
        await Assertions.Expect(_page.Locator("tbody tr").Filter(new() { HasText = "Atelier" })).ToContainTextAsync("ACC-1101");
    }

    [Fact]
    public async Task ADemoCustomer_MakesAPayment_SeesItInTransactions_AndTheAmountDueGoDown()
    {
        await LogIn("cust-on");
        await Open("/customer/payments", "Make a Payment");
        var due = await AmountDue();
        Assert.True(due >= 1_234, $"CUST-ON owes {due} cents after the demo's two invoices");

        await _page.GetByLabel("Amount, CAD").FillAsync("12.34");
        await _page.GetByLabel("Card").FillAsync("tok_visa");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Pay Now" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment of 12.34 CAD approved");
        Assert.Equal(due - 1_234, await AmountDue());
        await Browser.Shot(_page, "41-demo-payment");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Transactions" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("tbody tr").Filter(new() { HasText = "(Payment)" })).ToContainTextAsync("12.340 CAD");
        await Browser.Shot(_page, "42-demo-transactions");
    }

    private async Task LogIn(string login)
    {
        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync(login);
        await _page.GetByLabel("Password").FillAsync(server.Password(login));
        await _page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
    }

    private async Task Open(string path, string heading)
    {
        await _page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The Make a Payment page's amount due on invoices, in cents.</summary>
    private async Task<long> AmountDue()
    {
        var text = await _page.Locator("main p").Filter(new() { HasText = "amount due on invoices" }).InnerTextAsync();
        var m = AmountDueText().Match(text);
        Assert.True(m.Success, text);
        return long.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"amount due on invoices: (-?[\d,]+\.\d\d) CAD")]
    private static partial Regex AmountDueText();
}
