using System.Net;
using System.Net.Sockets;
using System.Text;
using Centrex.Ledger;
using Centrex.Monitoring;
using Centrex.Provisioning.Json;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.Switch;
using Centrex.Switch.Hooks;
using Centrex.Switch.Media;
using Centrex.Switch.Provisioning;
using Centrex.Switching;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// The backlog gauges of <c>/metrics</c> (issue 14) seen non-zero and back at zero: a switch and CDR stage built as
/// <c>centrex serve --tariff</c> builds them, in this process so that a stage can be held busy, and their metrics read
/// as <c>/metrics</c> serves them (the service's prometheus-net registry exported as text, parsed strictly). A
/// partition held on a work item with messages queued behind it shows them in <c>centrex_partition_queue_depth</c> and
/// <c>centrex_ring_occupancy{stage="partition"}</c>; a CDR stage whose ledger commit waits shows its CDR in
/// <c>centrex_ring_occupancy{stage="cdr"}</c> and a lag that grows in <c>centrex_cdr_stage_lag_seconds</c>.
/// </summary>
public sealed class SwitchBacklogMetricsTests : IAsyncLifetime
{
    private const int Queued = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30); // a bound, not a timing check

    private readonly TempFolder _folder = new();
    private readonly ServiceMetrics _metrics = new();
    private readonly int _gatewayPort = Sipp.FreeUdpPort();
    private LedgerStore? _ledger;
    private LedgerWriterThread? _writer;
    private SwitchHooks? _hooks;
    private SipSwitch? _switch;

    public Task InitializeAsync()
    {
        var provisioning = SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\"", trunkAddress: $"127.0.0.1:{_gatewayPort}");
        var directory = new LiveSwitchDirectory(ProvisionedSwitchDirectory.From(ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(provisioning), "switch.json"), "switch.json"));
        var rater = new Rater(TariffLoader.FromRows([new TariffRow("1", "North America", new MicroDollars(60_000), new MicroDollars(0), 60, 60)]), NumberingPlan.Default);
        var data = _folder.File("data");
        Directory.CreateDirectory(data);
        _ledger = LedgerStore.Open(data);
        _writer = new LedgerWriterThread(_ledger.Writer, _metrics.Committed);
        _hooks = SwitchHooksFactory.Create(directory, rater, _ledger, _writer, data, MediaMode.Direct);
        _metrics.Attach(_hooks.Sink);
        _switch = SipSwitch.Start(new SipSwitchSettings(new IPEndPoint(IPAddress.Loopback, 0), directory)
        {
            Hooks = _hooks.Hooks, Metrics = _metrics.Switch, Partitions = 1, UdpReaders = 1,
        });
        _metrics.Attach(_switch);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // As serve stops: the switch, then the CDR stage (drains into the ledger), then the writer, then the ledger.
        if (_switch is not null)
        {
            await _switch.DisposeAsync();
        }

        _hooks?.Dispose();
        _writer?.Dispose();
        _ledger?.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task PartitionHeldBusy_MessagesQueuedBehindIt_ShowInItsQueueDepthAndThePartitionRing_ThenBothReturnToZero()
    {
        var idle = await ScrapeAsync();
        Assert.Equal(0, idle.Value("centrex_partition_queue_depth", ("partition", "0")));
        Assert.Equal(0, idle.Value("centrex_ring_occupancy", ("stage", "partition")));

        // The partition's thread runs a work item that waits for the test (as ForkAnswerRaceTests holds one).
        var partition = _switch!.Pipeline.Partitions[0];
        using var gate = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        var hold = Task.Run(() => partition.Run(() =>
        {
            holding.Set();
            gate.Wait(Patience);
        }));
        Assert.True(holding.Wait(Patience));

        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        for (var i = 0; i < Queued; i++)
        {
            var options = $"OPTIONS sip:{SwitchProvisioning.Realm} SIP/2.0\r\nVia: SIP/2.0/UDP {phone.Client.LocalEndPoint};branch=z9hG4bKq{i};rport\r\n" +
                $"Max-Forwards: 70\r\nFrom: <sip:probe@{SwitchProvisioning.Realm}>;tag=q{i}\r\nTo: <sip:{SwitchProvisioning.Realm}>\r\nCall-ID: queued-{i}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            await phone.SendAsync(Encoding.ASCII.GetBytes(options), _switch.UdpEndpoint);
        }

        // The held work item and the five requests behind it, once the router has routed them all.
        var held = await ScrapeUntilAsync(m => m.Value("centrex_partition_queue_depth", ("partition", "0")) >= Queued + 1);
        Assert.Equal(Queued + 1, held.Value("centrex_partition_queue_depth", ("partition", "0")));
        Assert.Equal(Queued + 1, held.Value("centrex_ring_occupancy", ("stage", "partition")));
        Assert.True(held.Value("centrex_ring_size", ("stage", "partition")) >= Queued + 1);
        Assert.Equal(0, held.Sum("centrex_sip_responses_sent_total", ("method", "OPTIONS"))); // none handled yet (a series appears once above 0)

        gate.Set();
        await hold;
        using var answers = new CancellationTokenSource(Patience);
        for (var i = 0; i < Queued; i++)
        {
            var answer = Encoding.ASCII.GetString((await phone.ReceiveAsync(answers.Token)).Buffer);
            Assert.StartsWith("SIP/2.0 200", answer, StringComparison.Ordinal);
        }

        var drained = await ScrapeUntilAsync(m => m.Value("centrex_partition_queue_depth", ("partition", "0")) == 0);
        Assert.Equal(0, drained.Value("centrex_ring_occupancy", ("stage", "partition")));
        Assert.Equal(Queued, drained.Value("centrex_sip_responses_sent_total", ("transport", "udp"), ("method", "OPTIONS"), ("status_class", "2xx")));
    }

    [Fact]
    public async Task CdrStageWaitingOnTheLedger_ItsCdrIsInTheRing_AndTheLagGrows_ThenBothReturnToZeroOnceCommitted()
    {
        var idle = await ScrapeAsync();
        Assert.Equal(0, idle.Value("centrex_cdr_stage_lag_seconds"));
        Assert.Equal(0, idle.Value("centrex_ring_occupancy", ("stage", "cdr")));

        // The ledger's one writer thread is busy with an item that waits for the test: the stage's commit queues behind it.
        using var gate = new ManualResetEventSlim();
        var busy = _writer!.Submit(_ => gate.Wait(Patience));

        // A chargeable call out through the trunk, answered by a sipp gateway: its CDR goes to the CDR stage as it ends.
        using (var gateway = Sipp.Listen("uas-answer", _switch!.UdpEndpoint, _gatewayPort))
        {
            var caller = Sipp.Run("uac-call-hold", _switch.UdpEndpoint, Sipp.FreeUdpPort(),
                "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password, "-d", "100");
            Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
            Assert.True(Sipp.Finish(gateway).ExitCode == 0, "gateway");
        }

        var waiting = await ScrapeUntilAsync(m => m.Value("centrex_cdrs_stored_total") >= 1); // stored, then the commit waits
        Assert.Equal(1, waiting.Value("centrex_ring_occupancy", ("stage", "cdr")));
        Assert.Equal(0, waiting.Value("centrex_cdrs_chargeable_total", ("outcome", "charged")));
        var lag = waiting.Value("centrex_cdr_stage_lag_seconds");
        Assert.True(lag > 0, $"lag {lag}");
        var later = await ScrapeUntilAsync(m => m.Value("centrex_cdr_stage_lag_seconds") > lag); // it grows while the stage waits
        Assert.Equal(1, later.Value("centrex_ring_occupancy", ("stage", "cdr")));

        gate.Set();
        Assert.True(await busy);
        var committed = await ScrapeUntilAsync(m => m.Value("centrex_cdrs_chargeable_total", ("outcome", "charged")) == 1);
        Assert.Equal(0, committed.Value("centrex_cdr_stage_lag_seconds"));
        Assert.Equal(0, committed.Value("centrex_ring_occupancy", ("stage", "cdr")));
        Assert.Equal(new Mills(-60), _ledger!.Balance(SwitchProvisioning.Limited)); // alice's one started minute
    }

    /// <summary>What <c>/metrics</c> would answer now: the service's registry exported and parsed as the text format.</summary>
    private async Task<PrometheusText> ScrapeAsync()
    {
        using var text = new MemoryStream();
        await _metrics.Registry.CollectAndExportAsTextAsync(text);
        return PrometheusText.Parse(Encoding.UTF8.GetString(text.ToArray()));
    }

    /// <summary>Scrapes until <paramref name="until"/> holds (bounded by <see cref="Patience"/>: a stage that never gets there fails).</summary>
    private async Task<PrometheusText> ScrapeUntilAsync(Func<PrometheusText, bool> until)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var scraped = await ScrapeAsync();
            if (until(scraped))
            {
                return scraped;
            }

            Assert.True(DateTime.UtcNow < deadline, "the metrics never got there");
            await Task.Delay(5);
        }
    }
}
