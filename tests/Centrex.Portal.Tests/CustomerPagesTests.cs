using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The customer's other pages (issue 16): transactions by service with their CSV; an extension changed through
/// provisioning's validation (an emergency number refused beside the field); the profile's time zone checked as import
/// checks it; a new web password ends the login's other sessions.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CustomerPagesTests(PortalServer server)
{
    [Fact]
    public async Task Transactions_ListCallsAndSubscriptionsWithTotals_AndDownloadAsCsv()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        await Sessions.WaitForCalls(qc);

        var page = await qc.Http.GetStringAsync("/customer/transactions?from=2026-10-01&to=2026-11-30");
        Assert.Contains("<td>calls</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>subscriptions</td>", page, StringComparison.Ordinal);
        var csv = await qc.Http.GetStringAsync("/customer/transactions?from=2026-10-01&to=2026-11-30&service=calls&csv=1");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,service,account,description,reference,invoice,quantity,unit,amount", rows[0]);
        Assert.True(rows.Length > 10);
        Assert.All(rows[1..], r => Assert.Contains(",calls,ACC-1001,", r, StringComparison.Ordinal));
        var bad = await qc.Http.GetStringAsync("/customer/transactions?from=2026-11-30&to=2026-10-01");
        Assert.Contains("id=\"to-error\">the last day is before the first", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtension_IsChangedThroughProvisioning_AndAnEmergencyNumberIsRefusedBesideTheField()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");

        var refused = await BillingPagesTests.Form(on, "/customer/extensions", null, ("line", "ACC-1002"), ("extension", "911"), ("name", "Reception"));
        Assert.Contains("id=\"ext-ACC-1002-error\">accounts (id &quot;ACC-1002&quot;): extension 911 is an emergency number", refused, StringComparison.Ordinal);

        var saved = await BillingPagesTests.Form(on, "/customer/extensions", null, ("line", "ACC-1002"), ("extension", "202"), ("name", "Reception"));
        Assert.Contains("Extension of line ACC-1002 saved.", saved, StringComparison.Ordinal);
        var lines = await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines");
        Assert.Equal(("202", "Reception"), (lines[0].GetProperty("extension").GetString(), lines[0].GetProperty("extension_name").GetString()));
        var token = await on.FormTokenAsync("/customer/extensions");
        var other = await on.Http.PostAsync("/customer/extensions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["line"] = "ACC-1001", ["extension"] = "303", ["name"] = "x", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task TheProfilesTimeZone_IsCheckedAsImportChecksIt_AndANewPasswordEndsTheOtherSessions()
    {
        await server.AddLogin("profile-ns", "CUST-NS", "first-password-1");
        using var first = new PortalClient(server.BaseAddress);
        await first.LoginAsync("profile-ns", "first-password-1");
        using var second = new PortalClient(server.BaseAddress);
        await second.LoginAsync("profile-ns", "first-password-1");

        var zone = await BillingPagesTests.Form(first, "/customer/profile", "General", ("contact", "Ann"), ("email", "ap@ns.example"), ("time_zone", "Mars/Olympus"));
        Assert.Contains("id=\"time_zone-error\">customers (id &quot;CUST-NS&quot;): time_zone &#x27;Mars/Olympus&#x27; is not an IANA time zone", zone, StringComparison.Ordinal);
        var wrong = await BillingPagesTests.Form(first, "/customer/profile", "Password", ("current", "not-it"), ("new", "second-password-2"));
        Assert.Contains("id=\"current-error\">this is not your current password", wrong, StringComparison.Ordinal);

        var changed = await BillingPagesTests.Form(first, "/customer/profile", "Password", ("current", "first-password-1"), ("new", "second-password-2"));
        Assert.Contains("Password changed", changed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/customer")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await second.Http.GetAsync("/customer")).StatusCode);
    }
}
