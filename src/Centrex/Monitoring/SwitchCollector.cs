using System.Globalization;
using Centrex.Switch;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Metrics;
using Centrex.Switch.Partitions;
using Centrex.Switch.Sip;
using Prometheus;

namespace Centrex.Monitoring;

/// <summary>
/// The switch's metrics, read at scrape time from state the switch keeps anyway (call counts, ring sequences, queue
/// depths) and from its <see cref="SwitchMetrics"/> counters: nothing here runs per message.
/// </summary>
internal sealed class SwitchCollector
{
    private static readonly string?[] Dispositions = MetricLabels.Of<CallDisposition>();
    private static readonly string?[] Reasons = MetricLabels.Of<RefusalReason>();
    private static readonly string?[] ParseErrors = MetricLabels.Of<SipParseError>();

    private readonly SipSwitch _switch;
    private readonly Gauge _active;
    private readonly Gauge _talking;
    private readonly Gauge _flowWork;
    private readonly Gauge _transactions;
    private readonly Counter _ended;
    private readonly Counter _refusals;
    private readonly Counter _parseErrors;
    private readonly Counter.Child?[] _parseErrorChildren = new Counter.Child?[ParseErrors.Length];
    private readonly Counter _retransmissions;
    private readonly Counter _dropped;
    private readonly Counter _sendFailures;
    private readonly Gauge _ringOccupancy;
    private readonly Counter _ringDropped;
    private readonly Gauge _partitionDepth;
    private readonly Gauge _tcpConnections;
    private readonly Counter _tcpRefused;
    private readonly SipMessageFamily _received;
    private readonly SipMessageFamily _sent;

    public SwitchCollector(IMetricFactory factory, SipSwitch sipSwitch)
    {
        _switch = sipSwitch;
        _active = factory.CreateGauge("centrex_calls_active", "Calls in progress: being set up or talking.");
        _talking = factory.CreateGauge("centrex_calls_talking", "Calls in progress that both parties answered and acknowledged.");
        _flowWork = factory.CreateGauge("centrex_call_flow_work", "Call flow nodes' network work (HTTP, SMTP, CDR history) started and not yet back, in every partition.");
        _transactions = factory.CreateGauge("centrex_sip_transactions", "SIP transactions open (server and client), in every partition.");
        _ended = factory.CreateCounter("centrex_calls_ended_total", "Calls ended (each recorded once, as its CDR), by disposition.", ["disposition"]);
        _refusals = factory.CreateCounter("centrex_sip_refusals_total", "Requests refused, by reason: limits, balance, fraud, rate-limit.", ["reason"]);
        _parseErrors = factory.CreateCounter("centrex_sip_parse_errors_total", "Messages received that did not parse (answered 400 when addressable), by reason.", ["reason"]);
        _retransmissions = factory.CreateCounter("centrex_sip_retransmissions_total", "SIP retransmissions: sent by the switch's timers, or received from peers and absorbed.", ["direction", "kind"]);
        _dropped = factory.CreateCounter("centrex_sip_dropped_total", "Messages dropped unanswered by the router: blocked or slowed sources, ACKs of stateless answers, stray responses.");
        _sendFailures = factory.CreateCounter("centrex_sip_send_failures_total", "Messages the transport could not send.");
        _ringOccupancy = RingFamilies.Occupancy(factory);
        var ringSize = RingFamilies.Size(factory);
        _ringDropped = factory.CreateCounter("centrex_ring_dropped_total", "Messages dropped because a ring was full (receive: the router's; partition: a call-control partition's).", ["stage"]);
        _partitionDepth = factory.CreateGauge("centrex_partition_queue_depth", "Events queued for a call-control partition and not yet handled.", ["partition"]);
        _tcpConnections = factory.CreateGauge("centrex_sip_tcp_connections", "Accepted SIP TCP connections open now.");
        _tcpRefused = factory.CreateCounter("centrex_sip_tcp_refused_total", "SIP TCP connections reset at once because a connection limit was reached.");
        _received = new SipMessageFamily(factory, "received");
        _sent = new SipMessageFamily(factory, "sent");

        // Series known in advance start at zero, so a rate over them works from the first scrape.
        foreach (var disposition in Dispositions.OfType<string>())
        {
            _ended.WithLabels(disposition);
        }

        foreach (var reason in Reasons.OfType<string>())
        {
            _refusals.WithLabels(reason);
        }

        foreach (var direction in (string[])["sent", "received"])
        {
            _retransmissions.WithLabels(direction, "request");
            _retransmissions.WithLabels(direction, "response");
        }

        ringSize.WithLabels("receive").Set(SwitchPipeline.RingSize);
        ringSize.WithLabels("send").Set(SwitchPipeline.RingSize);
        ringSize.WithLabels("partition").Set(CallPartition.RingSize * sipSwitch.PartitionCount); // all partitions' rings, as the occupancy
    }

    /// <summary>Brings every series up to the switch's state.</summary>
    public void Update()
    {
        var pipeline = _switch.Pipeline;
        var metrics = _switch.Metrics;
        _active.Set(_switch.ActiveCalls);
        _talking.Set(_switch.ConfirmedCalls);
        _flowWork.Set(_switch.FlowWorkInFlight);
        _transactions.Set(_switch.OpenTransactions);
        for (var i = 0; i < Dispositions.Length; i++)
        {
            if (Dispositions[i] is { } disposition)
            {
                _ended.WithLabels(disposition).IncTo(metrics.CallsEnded((CallDisposition)i));
            }
        }

        for (var i = 0; i < Reasons.Length; i++)
        {
            if (Reasons[i] is { } reason)
            {
                _refusals.WithLabels(reason).IncTo(metrics.Refusals((RefusalReason)i));
            }
        }

        for (var i = 0; i < ParseErrors.Length; i++)
        {
            if (ParseErrors[i] is { } reason && metrics.ParseErrors((SipParseError)i) is var count and > 0)
            {
                (_parseErrorChildren[i] ??= _parseErrors.WithLabels(reason)).IncTo(count);
            }
        }

        _retransmissions.WithLabels("sent", "request").IncTo(metrics.RetransmissionsSent(request: true));
        _retransmissions.WithLabels("sent", "response").IncTo(metrics.RetransmissionsSent(request: false));
        _retransmissions.WithLabels("received", "request").IncTo(metrics.RetransmissionsReceived(request: true));
        _retransmissions.WithLabels("received", "response").IncTo(metrics.RetransmissionsReceived(request: false));
        _dropped.IncTo(pipeline.Router.Dropped);
        _sendFailures.IncTo(pipeline.Sender.Failed);

        _ringOccupancy.WithLabels("receive").Set(pipeline.ReceiveQueueDepth);
        _ringOccupancy.WithLabels("send").Set(pipeline.SendQueueDepth);
        _ringDropped.WithLabels("receive").IncTo(pipeline.ReceiveOverflows);
        long partitionDrops = 0;
        long partitionsQueued = 0;
        foreach (var partition in pipeline.Partitions)
        {
            var depth = partition.QueueDepth;
            partitionsQueued += depth;
            partitionDrops += partition.Overflows;
            _partitionDepth.WithLabels(partition.Id.ToString(CultureInfo.InvariantCulture)).Set(depth);
        }

        _ringOccupancy.WithLabels("partition").Set(partitionsQueued);
        _ringDropped.WithLabels("partition").IncTo(partitionDrops);
        _tcpConnections.Set(_switch.TcpConnections);
        _tcpRefused.IncTo(_switch.RefusedTcpConnections);
        _received.Update(metrics.Received);
        _sent.Update(metrics.Sent);
    }
}
