using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Metrics;

/// <summary>
/// The switch's event counters (issue 14), read by the host's Prometheus collector at scrape time (README, "Metrics").
/// Each count is one add on a padded array by the thread that sees the event: a plain add for the messages, which
/// the router and the send stage each count alone, an interlocked one for what any partition counts (refusals,
/// retransmissions, ended calls). No lock, no allocation, and nothing exported at the moment of counting, so counting
/// costs the hot path about a nanosecond per message whatever the exporter does. State that is already kept (active calls, ring occupancy,
/// queue depths) is not counted here at all: the collector reads it where it lives.
/// </summary>
/// <remarks>
/// A refusal decided outside the switch's own code (fraud controls, per-source rate limits) is counted by whoever
/// decides it, with <see cref="CountRefusal"/>: the switch reaches this object as <c>SipStack.Metrics</c> on a
/// partition and as the router's <c>metrics</c>; a hook gets the same instance from the host, which passes one
/// <see cref="SwitchMetrics"/> to <see cref="SipSwitchSettings.Metrics"/> and to whatever else counts.
/// </remarks>
public sealed class SwitchMetrics
{
    private readonly CounterArray _refusals = new(CounterArray.For<RefusalReason>());
    private readonly CounterArray _calls = new(CounterArray.For<CallDisposition>());
    private readonly CounterArray _parseErrors = new(CounterArray.For<SipParseError>());
    private readonly CounterArray _retransmissions = new(4);

    /// <summary>Counts one refused request (thread-safe, lock-free, allocation-free).</summary>
    public void CountRefusal(RefusalReason reason) => _refusals.Increment((int)reason);

    /// <summary>Requests refused for <paramref name="reason"/> so far.</summary>
    public long Refusals(RefusalReason reason) => _refusals[(int)reason];

    /// <summary>Calls ended (each recorded once, as its CDR) with <paramref name="disposition"/> so far.</summary>
    public long CallsEnded(CallDisposition disposition) => _calls[(int)disposition];

    /// <summary>Messages received, counted by the router (their one writer) after they parsed.</summary>
    internal SipMessageCounts Received { get; } = new();

    /// <summary>Messages sent, counted by the send stage (their one writer) once the transport took them.</summary>
    internal SipMessageCounts Sent { get; } = new();

    internal void CountCallEnded(CallDisposition disposition) => _calls.Increment((int)disposition);

    internal void CountParseError(SipParseError error) => _parseErrors.Increment((int)error);

    internal long ParseErrors(SipParseError error) => _parseErrors[(int)error];

    /// <summary>The switch sent a message again: a request by Timer A or E, a response by Timer G, a 2xx until its ACK,
    /// or the last response in answer to a retransmitted request.</summary>
    internal void CountRetransmissionSent(bool request) => _retransmissions.Increment(request ? 0 : 1);

    /// <summary>A peer sent a message again: a request its server transaction already has, a final response its client
    /// transaction already had.</summary>
    internal void CountRetransmissionReceived(bool request) => _retransmissions.Increment(request ? 2 : 3);

    internal long RetransmissionsSent(bool request) => _retransmissions[request ? 0 : 1];

    internal long RetransmissionsReceived(bool request) => _retransmissions[request ? 2 : 3];
}
