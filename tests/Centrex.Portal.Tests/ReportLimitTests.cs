using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// The Reports page's limits count exactly the rows the report holds (issue 16, Reports: "xDR in CSV, PDF and XLSX for
/// any period"). A customer with exactly 5,000 charged calls (posted to <c>/api/v1/cdr-batches</c>) and a missed
/// incoming call the switch recorded (a sipp trunk calls its DID, nobody answers: in Call Logs, not charged, not in the
/// xDR) gets its PDF of those days, at the limit; one charged call more and the PDF is refused on its format, naming
/// 5,001. The limit once counted every call Call Logs lists, and refused the report of 5,000 calls.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class ReportLimitTests(PortalServer server)
{
    private const string Customer = "CUST-RL";
    private const int PdfLimit = 5_000;

    [Fact]
    public async Task APdfOfExactlyTheLimit_Comes_EvenWithUnchargedCalls_AndOneChargedCallMoreIsRefused()
    {
        var trunkCallerPort = Sipp.FreeUdpPort();
        await Provision(Sipp.FreeUdpPort(), trunkCallerPort);
        await server.AddLogin("cust-rl", Customer, "cust-rl-login-secret");
        using var me = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await me.LoginAsync("cust-rl", "cust-rl-login-secret")).StatusCode);

        // A missed incoming call: the trunk calls the line's DID, no phone is registered (480). The switch reloads
        // provisioning within a second, so the call is retried until the switch knows the DID.
        var missed = await SippRetry.UntilSuccess(() => Sipp.Run("uac-trunk-unavailable", server.SipUdp, trunkCallerPort, "-s", "15145550601"));
        Assert.True(missed.ExitCode == 0, "trunk: " + missed.Output);

        await Rate(0, PdfLimit);
        await WaitForCalls(me, PdfLimit + 1);
        var calls = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=10&disposition=no-answer");
        Assert.Equal(1, calls.GetProperty("total").GetInt64());

        var (from, to) = Days();
        using (var pdf = await me.Http.GetAsync($"/api/v1/me/reports/xdr?from={from}&to={to}&format=pdf"))
        {
            var text = await pdf.Content.ReadAsByteArrayAsync();
            Assert.True(pdf.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(text));
            Assert.Equal("%PDF", Encoding.ASCII.GetString(text[..4]));
        }

        // The CSV of the same days holds exactly the 5,000 calls the limit counted.
        var csv = await me.Http.GetStringAsync($"/api/v1/me/reports/xdr?from={from}&to={to}&format=csv");
        Assert.Equal(PdfLimit + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // One charged call more: refused before anything is sent, on the format, over the API and on the page.
        await Rate(PdfLimit, 1);
        await WaitForCalls(me, PdfLimit + 2);
        using var refused = await me.Http.GetAsync($"/api/v1/me/reports/xdr?from={from}&to={to}&format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("format", error.GetProperty("field").GetString());
        Assert.Contains("a PDF holds at most 5,000 calls and these days have 5,001", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var page = await me.Http.GetStringAsync($"/customer/reports?download=1&from={from}&to={to}&format=pdf");
        Assert.Contains("<div class=\"field-error\" id=\"format-error\">a PDF holds at most 5,000 calls and these days have 5,001", page, StringComparison.Ordinal);

        // The XLSX of those days is far from its limit and comes.
        using var xlsx = await me.Http.GetAsync($"/api/v1/me/reports/xdr?from={from}&to={to}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    // The day before and after today in UTC: every call of the test, whatever the hour in the customer's zone.
    private static (string From, string To) Days() =>
        (DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Rates <paramref name="count"/> calls of the line (ids from <paramref name="first"/>), in the last minutes.</summary>
    private async Task Rate(int first, int count)
    {
        var sample = File.ReadLines(Path.Combine(server.Data, "demo", "cdrs.csv")).Skip(1).First().Split(',');
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var csv = new StringBuilder(ApiKeys.CdrHeader);
        for (var i = first; i < first + count; i++)
        {
            var start = now.AddMilliseconds(i * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"rl-{i},ACC-RL1,{sample[2]},{sample[3]},{start},60\n");
        }

        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        await ApiKeys.Rate(http, server.ApiKey, $"rl-{first}-{count}", csv.ToString(), count);
    }

    // The call-log index follows the journal and the switch's CDR store every half second.
    private static async Task WaitForCalls(PortalClient client, long total)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if ((await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=10")).GetProperty("total").GetInt64() == total)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the call log never had {total} calls");
    }

    // CUST-RL (no other test looks at it): one line with a DID, reached through a trunk of its own on loopback.
    private async Task Provision(int trunkPort, int trunkCallerPort)
    {
        var file = Path.Combine(server.Data, "rl-lines.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "trunks": [ { "id": "rl-pstn", "address": "127.0.0.1:{{trunkPort}}", "sources": ["127.0.0.1:{{trunkCallerPort}}"] } ],
              "customers": [ { "id": "{{Customer}}", "company": "Report Limit Test Ltd.", "contact": "Rita", "email": "ap@reportlimit.example",
                               "address": { "street": "1 Main St", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J 2L4" },
                               "currency": "CAD", "time_zone": "America/Toronto", "trunk": "rl-pstn" } ],
              "accounts": [
                { "id": "ACC-RL1", "customer": "{{Customer}}", "type": "credit", "credit_limit": "1000000.00", "requires_911": false, "extension": "601",
                  "sip": { "username": "rl601", "ha1_md5": "00000000000000000000000000000000" }, "dids": ["+15145550601"] } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
