using Centrex.Switch.Cdrs;
using Prometheus;

namespace Centrex.Monitoring;

/// <summary>The real-time CDR stage's metrics: its backlog (its ring's occupancy) and lag, and what became of the CDRs, read at scrape time.</summary>
internal sealed class CdrStageCollector
{
    private readonly RealTimeCdrSink _sink;
    private readonly Gauge _lag;
    private readonly Gauge.Child _occupancy;
    private readonly Counter _stored;
    private readonly Counter _lost;
    private readonly Counter _chargeable;

    public CdrStageCollector(IMetricFactory factory, RealTimeCdrSink sink)
    {
        _sink = sink;
        _lag = factory.CreateGauge("centrex_cdr_stage_lag_seconds", "How long ago the switch emitted the oldest CDR the CDR stage is working on and has not committed (0 when it holds none).");
        _occupancy = RingFamilies.Occupancy(factory).WithLabels("cdr");
        _stored = factory.CreateCounter("centrex_cdrs_stored_total", "CDRs written to the CDR store (every call attempt).");
        _lost = factory.CreateCounter("centrex_cdrs_lost_total", "CDRs the store could not write (each went to standard error instead).");
        _chargeable = factory.CreateCounter("centrex_cdrs_chargeable_total", "Chargeable CDRs by outcome: charged, duplicate (charged before), unrated (no rate), uncharged (the ledger could not write).", ["outcome"]);
        RingFamilies.Size(factory).WithLabels("cdr").Set(sink.RingSize);
    }

    /// <summary>Brings every series up to the stage's state.</summary>
    public void Update()
    {
        var counters = _sink.Counters;
        _occupancy.Set(_sink.Backlog); // the stage's backlog: CDRs emitted and not yet stored, rated and committed
        _lag.Set(counters.Lag.TotalSeconds);
        _stored.IncTo(counters.Stored);
        _lost.IncTo(counters.Lost);
        _chargeable.WithLabels("charged").IncTo(counters.Charged);
        _chargeable.WithLabels("duplicate").IncTo(counters.Duplicates);
        _chargeable.WithLabels("unrated").IncTo(counters.Unrated);
        _chargeable.WithLabels("uncharged").IncTo(counters.Uncharged);
    }
}
