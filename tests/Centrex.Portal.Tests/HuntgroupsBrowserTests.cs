using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// Huntgroups in Debian's Chromium (issue 16, seed 004's "Add Huntgroup" then "Add Extension"): a customer creates a
/// group through the labelled form, is taken to its page, adds an extension, and sees the group with it in the list;
/// screenshots of the pages written for people to look at.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class HuntgroupsBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task ACustomer_CreatesAHuntgroup_AddsAnExtension_AndSeesItListed()
    {
        await NsLines.Import(server);
        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync("cust-ns");
        await _page.GetByLabel("Password").FillAsync(server.Password("cust-ns"));
        await _page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Link, new() { Name = "IP Centrex" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Huntgroups" }).ClickAsync();
        await _page.GetByLabel("Huntgroup number").FillAsync("113");
        await _page.GetByLabel("Huntgroup name").FillAsync("Front office");
        await _page.GetByLabel("Hunt sequence").SelectOptionAsync("order");
        await _page.GetByLabel("Call pickup allowed").CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add huntgroup" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#number-error")).ToContainTextAsync("'113' is an extension");
        await Assertions.Expect(_page.GetByLabel("Huntgroup number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.Shot(_page, "50-huntgroup-refused");

        await _page.GetByLabel("Huntgroup number").FillAsync("600");
        await _page.GetByLabel("Huntgroup number").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Huntgroup 600 added");
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Edit Huntgroup: Front office", Level = 1 })).ToBeVisibleAsync();
        await _page.GetByLabel("Extension number").SelectOptionAsync("103");
        await _page.Locator("#new-ring_for").FillAsync("18");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add extension" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Extension 103 added.");
        await Assertions.Expect(_page.Locator("#m-103-ring_for")).ToHaveValueAsync("18");
        await Browser.Shot(_page, "51-huntgroup-edit");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Back to huntgroups" }).ClickAsync();
        var row = _page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Front office" });
        await Assertions.Expect(row).ToContainTextAsync("600");
        await Assertions.Expect(row).ToContainTextAsync("103");
        await Browser.Shot(_page, "52-huntgroups");

        foreach (var (path, heading, shot) in new[] { ("/customer/incoming-calls", "Incoming Calls", "53-incoming-calls"), ("/customer/identity", "Identity", "54-identity"), ("/customer/music-on-hold", "Music on Hold", "55-music-on-hold") })
        {
            await _page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
            await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 })).ToBeVisibleAsync();
            await Browser.Shot(_page, shot);
        }
    }
}
