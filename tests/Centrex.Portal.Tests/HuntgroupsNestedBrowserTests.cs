using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Microsoft.Playwright;

namespace Centrex.Portal.Tests;

/// <summary>
/// Nested huntgroups in Debian's Chromium (seed 004 Huntgroups: "Several huntgroups can be combined into one";
/// provisioning's <c>groups</c>): a customer includes one of its groups in another on the Edit Huntgroup page, sees it
/// listed and on the Huntgroups page; including the first back into the second is refused with import's message
/// beside the field; a number that is not one of the customer's groups is refused the same way over HTTP and the API.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class HuntgroupsNestedBrowserTests(PortalServer server, Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync() => _page = await browser.Context.NewPageAsync();

    public Task DisposeAsync() => _page.CloseAsync();

    [Fact]
    public async Task ACustomer_IncludesAGroupInAnother_AndALoopIsRefusedBesideTheField()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");
        var sales = await Create(ns, """{"number":"640","name":"Inside sales","sequence":"order","members":[{"extension":"113"}]}""");
        var support = await Create(ns, """{"number":"650","name":"Field support","sequence":"simultaneous","members":[{"extension":"123"}]}""");

        await _page.GotoAsync(new Uri(server.BaseAddress, "/account/login").ToString());
        await _page.GetByLabel("Login").FillAsync("cust-ns");
        await _page.GetByLabel("Password").FillAsync(server.Password("cust-ns"));
        await _page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();

        await _page.GotoAsync(new Uri(server.BaseAddress, "/customer/huntgroups").ToString());
        await _page.GetByRole(AriaRole.Link, new() { Name = "Edit huntgroup 640" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Edit Huntgroup: Inside sales", Level = 1 })).ToBeVisibleAsync();
        await _page.GetByLabel("Huntgroup to include").SelectOptionAsync("650");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Include huntgroup" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Huntgroup 650 included.");
        await Assertions.Expect(_page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Field support" })).ToContainTextAsync("650");
        await Browser.Shot(_page, "56-huntgroup-nested");

        await _page.GotoAsync(new Uri(server.BaseAddress, $"/customer/huntgroups/{support}").ToString());
        await _page.GetByLabel("Huntgroup to include").SelectOptionAsync("640");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Include huntgroup" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#groups-error")).ToContainTextAsync("includes itself");
        await Assertions.Expect(_page.GetByLabel("Huntgroup to include")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.Shot(_page, "57-huntgroup-loop-refused");

        await _page.GotoAsync(new Uri(server.BaseAddress, "/customer/huntgroups").ToString());
        await Assertions.Expect(_page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Inside sales" })).ToContainTextAsync("113; huntgroups 650");
        await Assertions.Expect(_page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Field support" })).Not.ToContainTextAsync("huntgroups");

        // A number that is no group of this customer's (the form offers none, a hand-made post or a script may send one).
        var stranger = await BillingPagesTests.Form(ns, $"/customer/huntgroups/{support}", "Include", ("group", "999"));
        Assert.Contains("id=\"groups-error\">", stranger, StringComparison.Ordinal);
        Assert.Contains("&#x27;999&#x27; is not a hunt group of customer", stranger, StringComparison.Ordinal);
        var viaApi = await Send(ns, HttpMethod.Put, $"/api/v1/me/hunt-groups/{support}", """{"groups":["640"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Equal("groups", (await viaApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        await _page.GotoAsync(new Uri(server.BaseAddress, $"/customer/huntgroups/{sales}").ToString());
        await _page.GetByRole(AriaRole.Button, new() { Name = "Stop including huntgroup 650" }).ClickAsync();
        await Assertions.Expect(_page.GetByRole(AriaRole.Status)).ToContainTextAsync("Huntgroup 650 no longer included.");
        var groups = await ns.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/hunt-groups");
        Assert.Equal(0, groups.EnumerateArray().Single(g => g.GetProperty("number").GetString() == "640").GetProperty("groups").GetArrayLength());
    }

    private static async Task<string> Create(PortalClient client, string json)
    {
        var created = await Send(client, HttpMethod.Post, "/api/v1/me/hunt-groups", json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        return await client.Http.SendAsync(request);
    }
}
