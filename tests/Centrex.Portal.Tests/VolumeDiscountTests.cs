using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Volume Discounts (seed 004): calls rated through the API move the counters rating applies the discounts with, and the
/// customer's page and API show each plan's used and remaining per line with a bar, and earlier months as history;
/// another customer sees nothing of them. ACC-1001 (CUST-QC) has DP-UK (5% on UK and Ireland, money, precedence 20,
/// not combinable) and DP-INTL (international minutes: 10% from 600 min); ACC-1002 (CUST-ON) has DP-INTL only.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class VolumeDiscountTests(PortalServer server)
{
    [Fact]
    public async Task RatedCalls_MoveUsedAndRemaining_OnTheCustomersPage_AndAnotherCustomerSeesNoneOfIt()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var before = await Lines(qc);

        await Rate(
            $"dv-{Guid.NewGuid():N}-1,ACC-1001,+15145550100,011972483913385,{Now()},600", // Israel: international minutes
            $"dv-{Guid.NewGuid():N}-2,ACC-1001,+15145550100,011441632960001,{Now()},300"); // the UK: DP-UK first, and it stops DP-INTL

        var after = await Lines(qc);
        var intl = after[("DP-INTL", "ACC-1001")];
        Assert.Equal(600, intl.GetProperty("used").GetInt64() - Used(before, "DP-INTL", "ACC-1001"));
        Assert.Equal(intl.GetProperty("next_threshold").GetInt64() - intl.GetProperty("used").GetInt64(), intl.GetProperty("remaining").GetInt64());
        var uk = after[("DP-UK", "ACC-1001")];
        Assert.True(uk.GetProperty("used").GetInt64() > Used(before, "DP-UK", "ACC-1001"), uk.ToString()); // the UK call's gross mills
        Assert.Equal(500, uk.GetProperty("basis_points").GetInt32()); // 5% from the first mill

        var json = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/discounts");
        var intlPlan = json.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "DP-INTL");
        Assert.Contains(intlPlan.GetProperty("history").EnumerateArray(), h => h.GetProperty("line").GetString() == "ACC-1001"); // the demo's months

        var page = await qc.Http.GetStringAsync("/customer/discounts");
        Assert.Contains("International volume", page, StringComparison.Ordinal);
        Assert.Contains("UK and Ireland special", page, StringComparison.Ordinal);
        Assert.Contains("<progress max=\"100\"", page, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"num used\">{(intl.GetProperty("used").GetInt64() / 60m).ToString("#,##0.0", CultureInfo.InvariantCulture)} min</td>", page, StringComparison.Ordinal);

        using var on = await Sessions.SignedIn(server, "cust-on");
        var theirs = await on.Http.GetStringAsync("/api/v1/me/discounts");
        var theirPage = await on.Http.GetStringAsync("/customer/discounts");
        Assert.DoesNotContain("ACC-1001", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("DP-UK", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("ACC-1001", theirPage, StringComparison.Ordinal);
        Assert.DoesNotContain("UK and Ireland special", theirPage, StringComparison.Ordinal);
        Assert.Contains("ACC-1002", theirPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerWithoutPlans_SeesTheEmptyState()
    {
        using var ns = await Sessions.SignedIn(server, "cust-ns");

        Assert.Contains("No volume discount applies to your lines.", await ns.Http.GetStringAsync("/customer/discounts"), StringComparison.Ordinal);
        Assert.Equal(0, (await ns.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/discounts")).GetProperty("plans").GetArrayLength());
    }

    // Ten minutes ago, so the calls fall in this month in the customer's zone whatever the hour.
    private static string Now() => DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private async Task Rate(params string[] rows)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches")
        {
            Content = new StringContent("id,account,caller,callee,start,duration\n" + string.Join("\n", rows) + "\n", System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
        request.Headers.Add("Idempotency-Key", "dv-" + Guid.NewGuid().ToString("N"));
        var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Dictionary<(string Plan, string Line), JsonElement>> Lines(PortalClient client)
    {
        var json = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/discounts");
        Assert.True(json.GetProperty("counting").GetBoolean());
        return json.GetProperty("plans").EnumerateArray()
            .SelectMany(p => p.GetProperty("lines").EnumerateArray().Select(l => ((p.GetProperty("id").GetString()!, l.GetProperty("line").GetString()!), l.Clone())))
            .ToDictionary(x => x.Item1, x => x.Item2);
    }

    // A line's usage of a plan, 0 when it had none yet.
    private static long Used(Dictionary<(string Plan, string Line), JsonElement> lines, string plan, string line) =>
        lines.TryGetValue((plan, line), out var l) ? l.GetProperty("used").GetInt64() : 0;
}
