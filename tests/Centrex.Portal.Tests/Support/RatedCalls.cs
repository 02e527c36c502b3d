using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Centrex.Portal.Tests.Support;

/// <summary>Many rated calls for a test's own customer, posted to <c>/api/v1/cdr-batches</c> as a switch would.</summary>
public static class RatedCalls
{
    /// <summary>
    /// Rates <paramref name="calls"/> calls of line <c>{customer}-L1</c> in this month (ids <c>{prefix}-N</c>), a numbers
    /// pair the demo's tariff rates, and waits until <paramref name="login"/>'s call log has them all.
    /// </summary>
    public static async Task Add(PortalServer server, string customer, string login, string prefix, int calls)
    {
        ArgumentNullException.ThrowIfNull(server);
        var sample = File.ReadLines(Path.Combine(server.Data, "demo", "cdrs.csv")).Skip(1).First().Split(',');
        var (caller, callee) = (sample[2], sample[3]);
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 6, 0, 0, TimeSpan.Zero); // past midnight in the customer's zone
        var step = Math.Max(1, Math.Min(1000, (long)(now - monthStart).TotalMilliseconds / calls));
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        const int Batch = 20_000;
        for (var first = 0; first < calls; first += Batch)
        {
            var csv = new StringBuilder("id,account,caller,callee,start,duration\n");
            for (var i = first; i < Math.Min(calls, first + Batch); i++)
            {
                var start = now.AddMilliseconds(-step * (calls - i)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i},{customer}-L1,{caller},{callee},{start},60\n");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches") { Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
            request.Headers.Add("Idempotency-Key", $"{prefix}-{first}");
            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, answer);
            Assert.Equal(Math.Min(calls - first, Batch), JsonDocument.Parse(answer).RootElement.GetProperty("summary").GetProperty("rated").GetInt32());
        }

        // The call-log index follows the journal every half second.
        using var me = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await me.LoginAsync(login, TestCustomers.Password)).StatusCode);
        for (var i = 0; i < 600; i++)
        {
            if ((await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=10")).GetProperty("total").GetInt64() == calls)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("the call-log index never had every call");
    }
}
