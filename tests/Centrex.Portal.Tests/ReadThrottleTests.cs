using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16, finding 10: reads are bounded per customer (<c>serve --http-read-concurrency</c>, 4 by default).
/// Four xDR downloads of a customer's 100,000 calls, their bodies not read, stay in progress (serve blocks on the full
/// socket); a fifth read of that customer is 429 with <c>Retry-After</c> and the reason, while another customer reads at
/// once; once the downloads are dropped the customer reads again.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReadThrottleTests(PortalServer server)
{
    private const string Customer = "CUST-READS";

    /// <summary>Calls whose xDR CSV (~15 MB) is more than the socket buffers of loopback hold.</summary>
    private const int Calls = 100_000;

    [Fact]
    public async Task AFifthReadInProgress_IsRefused429_WithRetryAfter_AndOtherCustomersReadMeanwhile()
    {
        using var me = await TestCustomers.Add(server, Customer, "cust-reads");
        await RatedCalls.Add(server, Customer, "cust-reads", "reads", Calls);
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var held = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var download = await me.Http.GetAsync($"/api/v1/me/reports/xdr?from=2020-01-01&to={to}&format=csv", HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                held.Add(download);
            }

            using var fifth = await me.Http.GetAsync("/api/v1/me/profile");
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
            Assert.Equal("1", fifth.Headers.GetValues("Retry-After").Single());
            var error = await fifth.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("rate-limited", error.GetProperty("error").GetString());
            Assert.Contains("at most 4 in progress", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await me.Http.GetAsync("/customer/calls")).StatusCode); // the pages count too

            using var other = await Sessions.SignedIn(server, "cust-on");
            Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/api/v1/me/profile")).StatusCode);
        }
        finally
        {
            foreach (var download in held)
            {
                download.Dispose();
            }
        }

        // Dropped downloads end when serve's next write fails: the customer reads again then.
        for (var i = 0; i < 300; i++)
        {
            if ((await me.Http.GetAsync("/api/v1/me/profile")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the customer's reads never came back after its downloads were dropped");
    }
}
