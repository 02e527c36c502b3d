using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16's browser test of forwarding against the running switch (issue 15's forwarding): a customer adds a number
/// to a line's forwarding in Chromium, and a call placed with sipp to that line's extension is answered by the phone of
/// the number forwarded to, the switch having taken the change from the provisioning store it watches.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class ForwardingBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Password = "us-phone-secret";

    // CUST-US gets three phones (no other test looks at its lines): 106 forwards, 116 answers, 126 calls.
    private const string UsLines = """
        { "format": "centrex-provisioning/1",
          "accounts": [
            { "id": "ACC-1006", "customer": "CUST-US", "type": "credit", "credit_limit": "300.00", "requires_911": false, "extension": "106", "sip": { "username": "us106", "ha1_md5": "HA1-us106" } },
            { "id": "ACC-1106", "customer": "CUST-US", "type": "credit", "credit_limit": "100.00", "requires_911": false, "extension": "116", "sip": { "username": "us116", "ha1_md5": "HA1-us116" } },
            { "id": "ACC-1206", "customer": "CUST-US", "type": "credit", "credit_limit": "100.00", "requires_911": false, "extension": "126", "sip": { "username": "us126", "ha1_md5": "HA1-us126" } } ] }
        """;

    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task ACustomer_ForwardsALineInTheBrowser_AndASippCallToItIsAnsweredByTheNumberForwardedTo()
    {
        var json = UsLines;
        foreach (var user in new[] { "us106", "us116", "us126" })
        {
            json = json.Replace($"HA1-{user}", Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}:centrex:{Password}"))), StringComparison.Ordinal);
        }

        var file = Path.Combine(server.Data, "us-lines.json");
        await File.WriteAllTextAsync(file, json);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);

        // The phone of 116 registers and waits to answer; 106's phone is not registered at all.
        var answerPort = Sipp.FreeUdpPort();
        var registered = await SippRetry.UntilSuccess(() => Sipp.Run("register", server.SipUdp, answerPort, "-s", "us116", "-au", "us116", "-ap", Password));
        Assert.True(registered.ExitCode == 0, registered.Output);
        using var answers = Sipp.Listen("uas-answer", server.SipUdp, answerPort);

        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync("cust-us");
        await _page.GetByLabel("Password").FillAsync(server.Password("cust-us"));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "IP Centrex" }).ClickAsync();
        await _page.GetByRole(AriaRole.Link, new() { Name = "Configure line ACC-1006" }).ClickAsync();
        await _page.GotoAsync(new Uri(server.BaseAddress, "/customer/lines/ACC-1006/forwarding").ToString());
        await _page.GetByRole(AriaRole.Textbox, new() { Name = "Number", Exact = true }).FillAsync("116");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("116 added.");
        var shown = DateTime.UtcNow; // the page shows the answer (after the switch had the change: the portal waits for it)

        // 126 calls 106: the first call after the answer is forwarded to 116, which answers.
        await SwitchPhones.AnsweredWithin(server, shown, "us126", Password, "106", "126 calls 106, forwarded to 116");
        var answered = Sipp.Finish(answers);
        Assert.True(answered.ExitCode == 0, "116's phone: " + answered.Output);
        await Browser.Shot(_page, "40-forwarding");
    }
}
