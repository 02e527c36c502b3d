using Centrex.Switch;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Metrics;
using Prometheus;

namespace Centrex.Monitoring;

/// <summary>
/// The metrics of one <c>centrex serve</c> (issue 14): a prometheus-net registry of its own (nothing static, nothing
/// from other libraries' meters), the process's standard metrics, the ledger's commit-latency histogram, and the
/// switch's and the CDR stage's state read at scrape time by <see cref="SwitchCollector"/> and
/// <see cref="CdrStageCollector"/> once they run. Every metric is documented in the README ("Metrics").
/// </summary>
internal sealed class ServiceMetrics
{
    /// <summary>
    /// Commit-latency buckets from 100 µs to 2.5 s: a group commit on a local SSD takes well under a millisecond to a
    /// few milliseconds; a commit near a second means a failing or saturated disk.
    /// </summary>
    private static readonly double[] CommitBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly IMetricFactory _factory;
    private readonly Histogram _commits;
    private volatile SwitchCollector? _switch;
    private volatile CdrStageCollector? _cdrs;

    public ServiceMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        _factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        DotNetStats.Register(Registry);
        _commits = _factory.CreateHistogram("centrex_ledger_commit_duration_seconds",
            "How long each group commit of the ledger took (journal flushed to disk, balances applied).",
            new HistogramConfiguration { Buckets = CommitBuckets });
        Registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>What <c>/metrics</c> exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The counters the switch (and any hook that refuses calls) counts into: <see cref="SipSwitchSettings.Metrics"/>.</summary>
    public SwitchMetrics Switch { get; } = new();

    /// <summary>Records one group commit of the ledger (the writer thread calls this after each).</summary>
    public void Committed(TimeSpan took) => _commits.Observe(took.TotalSeconds);

    /// <summary>Exports the running switch's metrics from now on.</summary>
    public void Attach(SipSwitch sipSwitch) => _switch = new SwitchCollector(_factory, sipSwitch);

    /// <summary>Exports the CDR stage's metrics from now on.</summary>
    public void Attach(RealTimeCdrSink sink) => _cdrs = new CdrStageCollector(_factory, sink);

    private void Update()
    {
        _switch?.Update();
        _cdrs?.Update();
    }
}
