using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Incoming Calls (issue 16, seed 004: group pickup, park and release, paging prefixes): shown and changed through
/// provisioning's validation with import's message beside the prefix it is about; only the session's customer is read
/// or changed; and a pickup prefix changed in the portal is the one the running switch reads as group pickup (sipp).
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class IncomingCallsTests(PortalServer server)
{
    [Fact]
    public async Task APrefixIsValidatedLikeImport_TheRefusalBesideIt_AndASavedOneIsInTheStore()
    {
        using var bc = await Sessions.SignedIn(server, "cust-bc");

        var page = await bc.Http.GetStringAsync("/customer/incoming-calls");
        Assert.Contains("id=\"pickup_prefix\" name=\"pickup_prefix\" value=\"*77\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"park_prefix\" name=\"park_prefix\" value=\"70\"", page, StringComparison.Ordinal);

        var letters = await BillingPagesTests.Form(bc, "/customer/incoming-calls", null,
            ("pickup_prefix", "*7a"), ("park_prefix", "70"), ("release_prefix", "71"), ("paging_prefix", "*80"), ("ext_distinctive_ring", "true"));
        Assert.Contains("id=\"pickup_prefix-error\">customers (id &quot;CUST-BC&quot;): pickup_prefix: &#x27;*7a&#x27; is not 1 to 6 digits, * or #", letters, StringComparison.Ordinal);
        Assert.Contains("id=\"pickup_prefix\" name=\"pickup_prefix\" value=\"*7a\"", letters, StringComparison.Ordinal); // what was typed stays
        var overlap = await BillingPagesTests.Form(bc, "/customer/incoming-calls", null,
            ("pickup_prefix", "*77"), ("park_prefix", "70"), ("release_prefix", "701"), ("paging_prefix", "*80"));
        Assert.Contains("id=\"release_prefix-error\">", overlap, StringComparison.Ordinal);
        Assert.Contains("begins with park_prefix &#x27;70&#x27;", overlap, StringComparison.Ordinal);
        var empty = await BillingPagesTests.Form(bc, "/customer/incoming-calls", null,
            ("pickup_prefix", "*77"), ("park_prefix", ""), ("release_prefix", "71"), ("paging_prefix", "*80"));
        Assert.Contains("id=\"park_prefix-error\">the prefix your users dial", empty, StringComparison.Ordinal);
        Assert.False((await Customer("CUST-BC")).TryGetProperty("park_prefix", out _)); // nothing refused was saved: still the default

        var saved = await BillingPagesTests.Form(bc, "/customer/incoming-calls", null,
            ("pickup_prefix", "*66"), ("park_prefix", "80"), ("release_prefix", "81"), ("paging_prefix", "*90"));
        Assert.Contains("Incoming calls settings saved.", saved, StringComparison.Ordinal);
        var stored = await Customer("CUST-BC");
        Assert.Equal(("*66", "80", "81", "*90"), (stored.GetProperty("pickup_prefix").GetString(), stored.GetProperty("park_prefix").GetString(),
            stored.GetProperty("release_prefix").GetString(), stored.GetProperty("paging_prefix").GetString()));
        Assert.False(stored.GetProperty("ext_distinctive_ring").GetBoolean()); // the box was left unticked
        var api = await bc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/incoming-calls");
        Assert.Equal(("*66", false), (api.GetProperty("pickup_prefix").GetString(), api.GetProperty("ext_distinctive_ring").GetBoolean()));

        var refused = await Put(bc, """{"paging_prefix":"*8a"}""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("paging_prefix", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task OnlyTheSessionsCustomer_IsShownOrChanged()
    {
        using var ns = await Sessions.SignedIn(server, "cust-ns");
        using var ab = await Sessions.SignedIn(server, "cust-ab");

        Assert.Equal(HttpStatusCode.NoContent, (await Put(ns, """{"pickup_prefix":"*41"}""")).StatusCode);
        Assert.Equal("*41", (await Customer("CUST-NS")).GetProperty("pickup_prefix").GetString());

        // CUST-AB sees its own default, and its change is its own: CUST-NS's prefix stays as CUST-NS set it.
        Assert.DoesNotContain("*41", await ab.Http.GetStringAsync("/customer/incoming-calls"), StringComparison.Ordinal);
        Assert.Equal("*77", (await ab.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/incoming-calls")).GetProperty("pickup_prefix").GetString());
        var saved = await BillingPagesTests.Form(ab, "/customer/incoming-calls", null,
            ("pickup_prefix", "*42"), ("park_prefix", "70"), ("release_prefix", "71"), ("paging_prefix", "*80"), ("ext_distinctive_ring", "true"));
        Assert.Contains("Incoming calls settings saved.", saved, StringComparison.Ordinal);
        Assert.Equal("*41", (await Customer("CUST-NS")).GetProperty("pickup_prefix").GetString());
        Assert.Equal("*42", (await Customer("CUST-AB")).GetProperty("pickup_prefix").GetString());

        // The operator has no customer: the customer's route is forbidden, not someone's settings.
        using var op = await Sessions.SignedIn(server, "operator");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.GetAsync("/api/v1/me/incoming-calls")).StatusCode);
    }

    [Fact]
    public async Task APickupPrefixChangedInThePortal_IsTheOneTheRunningSwitchReadsAsGroupPickup()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");

        // qc101 dials the default *77: group pickup (its line has no primary group, so nothing to pick up: 404 saying so).
        var before = Sipp.Run("uac-pickup-nothing", server.SipUdp, Sipp.FreeUdpPort(), "-s", "*77", "-au", "qc101", "-ap", PortalServer.SipPassword);
        Assert.True(before.ExitCode == 0, before.Output);
        var notYet = Sipp.Run("uac-pickup-nothing", server.SipUdp, Sipp.FreeUdpPort(), "-s", "*55", "-au", "qc101", "-ap", PortalServer.SipPassword);
        Assert.NotEqual(0, notYet.ExitCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Put(qc, """{"pickup_prefix":"*55"}""")).StatusCode);

        // The switch reloads the store within a second; each try starts sipp (a process), so allow a few.
        var clock = Stopwatch.StartNew();
        (int ExitCode, string Output) after;
        do
        {
            after = await Task.Run(() => Sipp.Run("uac-pickup-nothing", server.SipUdp, Sipp.FreeUdpPort(), "-s", "*55", "-au", "qc101", "-ap", PortalServer.SipPassword));
        }
        while (after.ExitCode != 0 && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.True(after.ExitCode == 0, after.Output);
        var old = Sipp.Run("uac-pickup-nothing", server.SipUdp, Sipp.FreeUdpPort(), "-s", "*77", "-au", "qc101", "-ap", PortalServer.SipPassword);
        Assert.NotEqual(0, old.ExitCode); // *77 is an ordinary number for CUST-QC now
        Assert.Equal(HttpStatusCode.NoContent, (await Put(qc, """{"pickup_prefix":"*77"}""")).StatusCode);
    }

    private async Task<JsonElement> Customer(string id)
    {
        var run = await PortalServer.Run(null, "provision", "export", "--data", server.Data);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }

    private static async Task<HttpResponseMessage> Put(PortalClient client, string json)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/incoming-calls") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
