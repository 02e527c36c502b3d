using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// The web interface language of My Profile (seed 004, Settings) in Debian's Chromium: a customer switches to French and
/// sees the layout, the menu, the page titles, the labels and the messages in French, with dates and amounts written the
/// French way (<c>05/12/2026 14:03:07</c>, <c>1 234,57 CAD</c>) and <c>&lt;html lang="fr"&gt;</c>; then switches back.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed partial class LanguageBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Login = "lang-qc";
    private const string Password = "language-password-1";
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        // A login of its own: its language changes nothing for the other tests' logins.
        await server.AddLogin(Login, "CUST-QC", Password);
        _page = await browser.Context.NewPageAsync();
    }

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task ACustomer_SwitchesToFrench_SeesTheMenuAPageAndItsDatesInFrench_AndSwitchesBack()
    {
        using (var client = await SignedIn())
        {
            await Sessions.WaitForCalls(client); // the dashboard's recent calls are there to be read
        }

        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync(Login);
        await _page.GetByLabel("Password").FillAsync(Password);
        await _page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var englishTime = await FirstCallTime();
        var englishBalance = await _page.Locator("#balance").InnerTextAsync();
        Assert.Matches(EnglishTime(), englishTime);
        Assert.Matches(EnglishMoney(), englishBalance);

        await _page.GetByRole(AriaRole.Link, new() { Name = "My Profile", Exact = true }).ClickAsync();
        await _page.GetByLabel("Web interface language").SelectOptionAsync("fr");
        await _page.Locator("form:has(#language)").GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Mon profil", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Langue enregistrée.");
        await Assertions.Expect(_page.GetByLabel("Langue de l'interface web")).ToHaveValueAsync("fr");
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" })).ToBeVisibleAsync();
        await Assertions.Expect(_page).ToHaveTitleAsync("Mon profil · Centrex libre-service");
        await Browser.Shot(_page, "60-profile-fr");

        // The menu, in French, leads to a page in French with its dates and amounts written the French way.
        var menu = _page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" });
        foreach (var tab in new[] { "Tableau de bord", "Mon profil", "Centrex IP", "Facturation", "Demandes d'assistance" })
        {
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = tab, Exact = true })).ToBeVisibleAsync();
        }

        await menu.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord", Exact = true }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Appels récents", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("dt", new() { HasTextString = "Limite de crédit" })).ToBeVisibleAsync();
        Assert.Equal(French(englishTime), await FirstCallTime());
        Assert.Equal(englishBalance.Replace(",", "\u202F", StringComparison.Ordinal).Replace('.', ','), await _page.Locator("#balance").InnerTextAsync());
        await Browser.Shot(_page, "61-dashboard-fr");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Centrex IP", Exact = true }).ClickAsync();
        await _page.GetByRole(AriaRole.Navigation, new() { Name = "Centrex IP" }).GetByRole(AriaRole.Link, new() { Name = "Journal des appels" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Journal des appels", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(_page.GetByLabel("Du", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" })).ToBeVisibleAsync();
        Assert.Matches(FrenchTime(), await _page.Locator("tbody tr").First.Locator("td").First.InnerTextAsync());
        await Assertions.Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Date et heure" })).ToBeVisibleAsync(); // the sortable heading
        await Assertions.Expect(_page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" })).ToContainTextAsync("Page 1 sur");
        await Assertions.Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Suivante" })).ToBeVisibleAsync();
        await Browser.Shot(_page, "62-calls-fr");

        // And back to English.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Mon profil", Exact = true }).ClickAsync();
        await _page.GetByLabel("Langue de l'interface web").SelectOptionAsync("en");
        await _page.Locator("form:has(#language)").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "My Profile", Exact = true, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Language saved.");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        Assert.Equal(englishTime, await FirstCallTime());
        Assert.Equal(englishBalance, await _page.Locator("#balance").InnerTextAsync());
    }

    private async Task<PortalClient> SignedIn()
    {
        var client = new PortalClient(server.BaseAddress);
        await client.LoginAsync(Login, Password);
        return client;
    }

    private Task<string> FirstCallTime() => _page.Locator("tbody tr").First.Locator("td").First.InnerTextAsync();

    /// <summary><c>2026-11-03 14:05:09</c> as French writes it: <c>03/11/2026 14:05:09</c>.</summary>
    private static string French(string english) => $"{english[8..10]}/{english[5..7]}/{english[..4]}{english[10..]}";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex EnglishTime();

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex FrenchTime();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})*\.\d{2} [A-Z]{3}$")]
    private static partial Regex EnglishMoney();
}
