using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Huntgroups (issue 16, seed 004): a group added, its members added with ring times, reordered and made primary, and
/// deleted, each through provisioning's reading and validation with the refusal beside the field it names; an
/// extension's primary group is one group; another customer's group is 404 on every page and route.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HuntgroupsTests(PortalServer server)
{
    [Fact]
    public async Task AGroup_IsAddedWithMembers_ValidatedLikeImport_AndDeleted()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");

        var extension = await BillingPagesTests.Form(ns, "/customer/huntgroups", null, Settings("103", "Sales"));
        Assert.Contains("id=\"number-error\">hunt_groups", extension, StringComparison.Ordinal);
        Assert.Contains("&#x27;103&#x27; is an extension", extension, StringComparison.Ordinal);
        Assert.Contains("value=\"Sales\"", extension, StringComparison.Ordinal); // what was typed stays
        var letters = await BillingPagesTests.Form(ns, "/customer/huntgroups", null, Settings("3x", "Sales"));
        Assert.Contains("id=\"number-error\">the number your users dial to reach the group: 1 to 15 digits", letters, StringComparison.Ordinal);
        var destination = await BillingPagesTests.Form(ns, "/customer/huntgroups", null, [.. Settings("300", "Sales"), ("no_answer", "front desk")]);
        Assert.Contains("id=\"no_answer-error\">&#x27;front desk&#x27; is not an extension", destination, StringComparison.Ordinal);

        var added = await BillingPagesTests.Form(ns, "/customer/huntgroups", null, [.. Settings("300", "Sales"), ("no_answer", "+19025550199")]);
        Assert.Contains("Huntgroup 300 added: now add its extensions.", added, StringComparison.Ordinal);
        Assert.Contains("<h1>Edit Huntgroup: Sales</h1>", added, StringComparison.Ordinal);
        var id = (await Groups(ns)).Single(g => g.GetProperty("number").GetString() == "300").GetProperty("id").GetString()!;
        var edit = $"/customer/huntgroups/{id}";

        var short_ = await BillingPagesTests.Form(ns, edit, "Add", ("extension", "113"), ("ring_delay", "0"), ("ring_for", "3"));
        Assert.Contains("id=\"new-ring_for-error\">", short_, StringComparison.Ordinal);
        Assert.Contains("3 is not 5 to 300 seconds", short_, StringComparison.Ordinal);
        Assert.Contains("Extension 113 added.", await BillingPagesTests.Form(ns, edit, "Add", ("extension", "113"), ("ring_for", "15"), ("primary", "true")), StringComparison.Ordinal);
        Assert.Contains("Extension 123 added.", await BillingPagesTests.Form(ns, edit, "Add", ("extension", "123"), ("ring_for", "25"), ("ignore_follow_me", "true")), StringComparison.Ordinal);
        Assert.Contains("Extension 123 moved up.", await BillingPagesTests.Form(ns, edit, "Up", ("extension", "123")), StringComparison.Ordinal);
        var saved = await BillingPagesTests.Form(ns, edit, "Member", ("extension", "113"), ("ring_delay", "2"), ("ring_for", "30"), ("primary", "true"));
        Assert.Contains("Extension 113 saved.", saved, StringComparison.Ordinal);

        var stored = (await Export()).GetProperty("hunt_groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == id);
        Assert.Equal(("CUST-NS", "300", "simultaneous", "group-name", true, "+19025550199"), (stored.GetProperty("customer").GetString(), stored.GetProperty("number").GetString(),
            stored.GetProperty("sequence").GetString(), stored.GetProperty("caller_id").GetString(), stored.GetProperty("pickup_allowed").GetBoolean(), stored.GetProperty("no_answer").GetString()));
        var members = stored.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("extension").GetString(), m.GetProperty("ring_delay").GetInt32(),
            m.GetProperty("ring_for").GetInt32(), m.GetProperty("ignore_follow_me").GetBoolean(), m.GetProperty("primary").GetBoolean())).ToList();
        Assert.Equal([("123", 0, 25, true, false), ("113", 2, 30, false, true)], members);

        // Another group made primary for 113 takes that from Sales: an extension has one primary group (seed 004).
        var second = await Send(ns, HttpMethod.Post, "/api/v1/me/hunt-groups", """{"number":"301","name":"Support","members":[{"extension":"113","primary":true}]}""");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var groups = await Groups(ns);
        Assert.DoesNotContain(groups.Single(g => g.GetProperty("number").GetString() == "300").GetProperty("members").EnumerateArray(), m => m.GetProperty("primary").GetBoolean());
        Assert.True(groups.Single(g => g.GetProperty("number").GetString() == "301").GetProperty("members")[0].GetProperty("primary").GetBoolean());
        var list = await ns.Http.GetStringAsync("/customer/huntgroups");
        Assert.Contains("<td>Sales</td>", list, StringComparison.Ordinal);
        Assert.Contains("<td>123, 113</td>", list, StringComparison.Ordinal);

        var deleted = await BillingPagesTests.Form(ns, "/customer/huntgroups", "Delete", ("id", id));
        Assert.Contains("Huntgroup 300 deleted.", deleted, StringComparison.Ordinal);
        Assert.DoesNotContain((await Export()).GetProperty("hunt_groups").EnumerateArray(), g => g.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await ns.Http.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task AnotherCustomersGroup_Is404_OnEveryPageAndRoute_AndStaysAsItWas()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var created = await Send(ns, HttpMethod.Post, "/api/v1/me/hunt-groups", """{"number":"310","name":"Dispatch","sequence":"order","members":[{"extension":"103"}]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await qc.Http.GetAsync($"/customer/huntgroups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(qc, HttpMethod.Put, $"/api/v1/me/hunt-groups/{id}", """{"name":"Mine now"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(qc, HttpMethod.Delete, $"/api/v1/me/hunt-groups/{id}", "{}")).StatusCode);
        var token = await qc.FormTokenAsync("/customer/huntgroups");
        var delete = await qc.Http.PostAsync("/customer/huntgroups?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var page = await qc.Http.GetStringAsync("/customer/huntgroups");
        Assert.Contains("<td>Comptoir</td>", page, StringComparison.Ordinal); // its own, from the demo
        Assert.DoesNotContain("Dispatch", page, StringComparison.Ordinal);
        Assert.Equal(["300"], (await Groups(qc)).Select(g => g.GetProperty("number").GetString()));

        // CUST-QC cannot put CUST-NS's extension in a group of its own either: 103 is not one of its extensions.
        var foreign = await Send(qc, HttpMethod.Post, "/api/v1/me/hunt-groups", """{"number":"310","name":"Mine","members":[{"extension":"103"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("'103' is not an extension of customer \"CUST-QC\"", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["300"], (await Groups(qc)).Select(g => g.GetProperty("number").GetString())); // nothing half-made stays

        var still = (await Groups(ns)).Single(g => g.GetProperty("id").GetString() == id);
        Assert.Equal("Dispatch", still.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Send(ns, HttpMethod.Delete, $"/api/v1/me/hunt-groups/{id}", "{}")).StatusCode);
    }

    private static (string, string)[] Settings(string number, string name) =>
        [("number", number), ("name", name), ("sequence", "simultaneous"), ("caller_id", "group-name"), ("pickup_allowed", "true")];

    private static async Task<List<JsonElement>> Groups(PortalClient client) =>
        [.. (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/hunt-groups")).EnumerateArray()];

    private async Task<JsonElement> Export()
    {
        var run = await PortalServer.Run(null, "provision", "export", "--data", server.Data);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, string json)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
