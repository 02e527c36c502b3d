using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16: a line's last call dated after today (a switch clock ahead) showed <c>"idle_days":-23</c> on
/// <c>/api/v1/me/lines</c>. A line used today, or "later", is idle 0 days.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LineIdleDaysTests(PortalServer server)
{
    [Fact]
    public async Task ACallDatedAfterToday_LeavesTheLineIdleZeroDays_NeverNegative()
    {
        using var me = await TestCustomers.Add(server, "CUST-IDLE", "cust-idle");
        var sample = File.ReadLines(Path.Combine(server.Data, "demo", "cdrs.csv")).Skip(1).First().Split(',');
        var start = DateTimeOffset.UtcNow.AddDays(23).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches")
        {
            Content = new StringContent($"id,account,caller,callee,start,duration\nIDLE-1,CUST-IDLE-L1,{sample[2]},{sample[3]},{start},60\n", Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
        request.Headers.Add("Idempotency-Key", "idle-future-1");
        using var posted = await http.SendAsync(request);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());

        // The call-log index follows the journal every half second: wait (a bound for a loaded host, not a timing check)
        // until the line has a last call.
        JsonElement line = default;
        for (var i = 0; i < 600 && line.ValueKind != JsonValueKind.Number; i++)
        {
            await Task.Delay(100);
            line = (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines")).EnumerateArray()
                .Single(l => l.GetProperty("id").GetString() == "CUST-IDLE-L1").GetProperty("idle_days");
        }

        Assert.Equal(0, line.GetInt32()); // -23 before the clamp
    }
}
