using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// A customer removed from provisioning while its sessions are open (nothing in the portal removes one: removed at the
/// store, as an operator's tool on the database would, with serve running). Every customer page answered 500 (the
/// session's customer was looked up and not found). Now its open sessions end at their next request: a page goes to the
/// login page, which says why, an API call is 401 naming it; its login is refused 403 saying so; and no customer page
/// ever answers 500 or another customer's data.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RemovedCustomerSessionTests(PortalServer server)
{
    private static readonly string[] Pages = ["/customer", "/customer/invoices", "/customer/profile", "/customer/lines", "/customer/calls", "/customer/transactions"];

    [Fact]
    public async Task OpenSessionsOfARemovedCustomer_EndWithTheReason_ItsLoginIsRefused_AndNoPageIs500()
    {
        using var page = await TestCustomers.Add(server, "CUST-RMS", "cust-rms");
        using var api = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await api.LoginAsync("cust-rms", TestCustomers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync("/customer/invoices")).StatusCode);

        Assert.Equal(0, ProvisioningSql.Execute(server.Data, "DELETE FROM accounts WHERE customer_id = 'CUST-RMS'; DELETE FROM customers WHERE id = 'CUST-RMS'; SELECT COUNT(*) FROM customers WHERE id = 'CUST-RMS'"));

        // The portal rereads provisioning within 250 ms: until then the session still finds its customer.
        HttpResponseMessage? ended = null;
        await TestCustomers.Until(async () => (ended = await page.Http.GetAsync("/customer/invoices")).StatusCode != HttpStatusCode.OK, "the portal never saw the removal");
        Assert.True(ended!.StatusCode == HttpStatusCode.Found, $"{(int)ended.StatusCode}: {await ended.Content.ReadAsStringAsync()}");
        Assert.Equal("/account/login?ended=customer-removed", ended.Headers.Location!.OriginalString);
        var login = await page.Http.GetStringAsync(ended.Headers.Location.OriginalString);
        Assert.Contains("id=\"login-error\">This login&#x27;s customer is no longer provisioned", login, StringComparison.Ordinal);
        Assert.Null(page.Session); // the cookie is removed, and the session ended in the store:
        foreach (var path in Pages)
        {
            var again = await page.Http.GetAsync(path);
            Assert.True(again.StatusCode == HttpStatusCode.Found, $"{path}: {(int)again.StatusCode}");
        }

        using var call = await api.Http.GetAsync("/api/v1/me/profile");
        Assert.True(call.StatusCode == HttpStatusCode.Unauthorized, $"{(int)call.StatusCode}: {await call.Content.ReadAsStringAsync()}");
        Assert.Equal("customer-removed", (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var fresh = new PortalClient(server.BaseAddress);
        var refused = await fresh.LoginAsync("cust-rms", TestCustomers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("no longer provisioned", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var session = await fresh.Http.PostAsJsonAsync("/api/v1/session", new { login = "cust-rms", password = TestCustomers.Password });
        Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        Assert.Equal("customer-removed", (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var wrong = await fresh.LoginAsync("cust-rms", "not-the-password-at-all");
        Assert.DoesNotContain("no longer provisioned", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal); // only the right password learns it
        Assert.DoesNotContain("CUST-RMS of this login", server.Error, StringComparison.Ordinal); // no 500 logged for it
    }
}
