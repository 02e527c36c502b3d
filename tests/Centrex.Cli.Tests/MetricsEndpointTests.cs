using System.Net;
using System.Net.Sockets;
using System.Text;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>GET /metrics</c> of the real <c>centrex serve</c> process (issue 14), scraped over HTTP as Prometheus does and
/// parsed as the text exposition format: real sipp calls through the switch show up in the counts where they belong,
/// the endpoint needs an API key with <c>metrics:read</c>, and it is there when serve runs the switch alone.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Metrics_AfterAChargedCallARefusedCallAndJunk_CountEachWhereItBelongs_AndEveryDocumentedFamilyIsServed()
    {
        using var served = await ServedSwitch.StartAsync(_folder);
        var (serve, switchAddress) = (served.Serve, served.Address);

        served.CallOut();

        // A credit line without a credit limit cannot pay the first minute out: 402, refused by balance.
        var refused = Sipp.Run("uac-payment-required", switchAddress, Sipp.FreeUdpPort(),
            "-s", "2125551234", "-au", SwitchProvisioning.NoCredit, "-ap", SwitchProvisioning.Password);
        Assert.True(refused.ExitCode == 0, "refused caller: " + refused.Output + serve.Error);

        using (var junk = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            await junk.SendAsync(Encoding.ASCII.GetBytes("HELLO\r\n\r\n"), switchAddress); // no SIP start line: a parse error
        }

        // Both calls' CDRs are emitted as they end and charged by the CDR stage a moment later: scrape until they are.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound, not a timing check
        PrometheusText metrics;
        do
        {
            metrics = await MetricsScrape.ScrapeAsync(serve.BaseAddress, serve.ApiKey);
        }
        while ((metrics.Sum("centrex_cdrs_chargeable_total", ("outcome", "charged")) < 1 || metrics.Sum("centrex_sip_parse_errors_total") < 1)
            && !patience.IsCancellationRequested);

        Assert.Equal(1, metrics.Value("centrex_calls_ended_total", ("disposition", "answered")));
        Assert.Equal(1, metrics.Value("centrex_calls_ended_total", ("disposition", "refused-by-balance")));
        Assert.Equal(2, metrics.Sum("centrex_calls_ended_total"));
        Assert.Equal(1, metrics.Value("centrex_sip_refusals_total", ("reason", "balance")));
        Assert.Equal(0, metrics.Value("centrex_sip_refusals_total", ("reason", "limits")));
        Assert.Equal(0, metrics.Value("centrex_sip_refusals_total", ("reason", "fraud")));
        Assert.Equal(0, metrics.Value("centrex_sip_refusals_total", ("reason", "rate-limit")));
        Assert.Equal(0, metrics.Value("centrex_calls_active"));
        Assert.Equal(0, metrics.Value("centrex_calls_talking"));

        // Each caller sent its INVITE twice (without, then with credentials); the switch called the gateway once, which
        // answered 200; the callers got a 407 each, one 402 and one 200; the BYEs went both ways.
        (string, string) udp = ("transport", "udp"), invite = ("method", "INVITE");
        Assert.Equal(4, metrics.Value("centrex_sip_requests_received_total", udp, invite));
        Assert.Equal(1, metrics.Value("centrex_sip_requests_sent_total", udp, invite));
        Assert.Equal(1, metrics.Value("centrex_sip_responses_received_total", udp, invite, ("status_class", "2xx")));
        Assert.Equal(1, metrics.Value("centrex_sip_responses_sent_total", udp, invite, ("status_class", "2xx")));
        Assert.Equal(3, metrics.Value("centrex_sip_responses_sent_total", udp, invite, ("status_class", "4xx")));
        Assert.Equal(1, metrics.Value("centrex_sip_requests_received_total", udp, ("method", "BYE")));
        Assert.Equal(1, metrics.Value("centrex_sip_requests_sent_total", udp, ("method", "BYE")));
        Assert.Equal(1, metrics.Value("centrex_sip_parse_errors_total", ("reason", "bad-start-line")));

        // The CDR stage stored both attempts and charged the answered one through the ledger, which committed it.
        Assert.Equal(2, metrics.Value("centrex_cdrs_stored_total"));
        Assert.Equal(1, metrics.Value("centrex_cdrs_chargeable_total", ("outcome", "charged")));
        Assert.True(metrics.Value("centrex_ledger_commit_duration_seconds_count") >= 1);
        Assert.True(metrics.Value("centrex_ledger_commit_duration_seconds_sum") > 0);
        Assert.True(metrics.Value("centrex_cdr_stage_lag_seconds") >= 0);
        foreach (var stage in (string[])["receive", "partition", "send", "cdr"])
        {
            Assert.InRange(metrics.Value("centrex_ring_occupancy", ("stage", stage)), 0, metrics.Value("centrex_ring_size", ("stage", stage)));
        }

        Assert.Contains(metrics.Samples, s => s.Name == "centrex_partition_queue_depth");
        Assert.True(metrics.Value("process_cpu_seconds_total") > 0); // prometheus-net's standard process metrics

        var undocumentedOrMissing = MetricsScrape.Documented().Except(metrics.Types.Keys).ToList();
        Assert.True(undocumentedOrMissing.Count == 0, "documented in the README but not served: " + string.Join(", ", undocumentedOrMissing));
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task Metrics_NeedAKeyWithTheMetricsScope()
    {
        var data = _folder.File("data");
        using var serve = await CentrexProcess.ServeAsync(data, _folder.Write("tariff.csv", ServedSwitch.NorthAmerica));

        var (status, _, response) = await MetricsScrape.GetAsync(serve.BaseAddress, null);
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        var balancesOnly = await CentrexProcess.CreateKeyAsync(data, null, "balances:read");
        (status, _, response) = await MetricsScrape.GetAsync(serve.BaseAddress, balancesOnly);
        response.Dispose();
        Assert.Equal(HttpStatusCode.Forbidden, status);

        var scraper = await CentrexProcess.CreateKeyAsync(data, null, "metrics:read");
        var metrics = await MetricsScrape.ScrapeAsync(serve.BaseAddress, scraper);
        Assert.Equal("histogram", metrics.Types["centrex_ledger_commit_duration_seconds"]);
        Assert.DoesNotContain("centrex_calls_active", metrics.Types.Keys); // no switch in this serve

        // The scraper's key charges nothing and reads no balance.
        using var http = new HttpClient();
        using var balance = new HttpRequestMessage(HttpMethod.Get, new Uri(serve.BaseAddress, "/v1/accounts/A/balance"));
        balance.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", scraper);
        using var answer = await http.SendAsync(balance);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task Serve_SwitchAloneWithHttp_ServesMetricsAndNoChargingEndpoint()
    {
        var data = _folder.File("data");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, _folder.Write("switch.json", SwitchProvisioning.Json())).ExitCode);
        using var serve = await CentrexProcess.ServeSwitchAsync(data, "--sip", "127.0.0.1:0");
        // The portal is on every HTTP listener (issue 16); without a tariff there is no charging route beside /metrics.
        Assert.EndsWith("(self-care portal, /api/v1; GET /metrics)", await serve.OutputLineAsync("centrex serve: http://"), StringComparison.Ordinal);
        await serve.OutputLineAsync("sip udp ");

        var metrics = await MetricsScrape.ScrapeAsync(serve.BaseAddress, serve.ApiKey);
        Assert.Equal(0, metrics.Value("centrex_calls_active"));
        Assert.Equal(0, metrics.Value("centrex_cdrs_stored_total"));

        using var http = new HttpClient();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(serve.BaseAddress, "/v1/cdr-batches"));
        post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", serve.ApiKey);
        using var answer = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode); // no tariff, no charging
        Assert.Equal(0, await serve.StopAsync());
    }
}
