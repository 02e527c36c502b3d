using Centrex.Switch.Metrics;
using Prometheus;

namespace Centrex.Monitoring;

/// <summary>
/// One direction of SIP traffic as two Prometheus counters: requests by transport and method, responses by transport,
/// CSeq method and status class. Read from the switch's <see cref="SipMessageCounts"/> at scrape time; a series
/// appears once its count is above zero (a switch sees a handful of the possible method and class pairs).
/// </summary>
internal sealed class SipMessageFamily
{
    private static readonly string?[] Transports = MetricLabels.Of<Centrex.Switch.Transport.SipTransportKind>();
    private static readonly string?[] Methods = MetricLabels.Methods();

    private readonly Counter _requests;
    private readonly Counter _responses;
    private readonly Counter.Child?[] _requestChildren = new Counter.Child?[SipMessageCounts.Transports * SipMessageCounts.MethodCount];
    private readonly Counter.Child?[] _responseChildren = new Counter.Child?[SipMessageCounts.Transports * SipMessageCounts.MethodCount * SipMessageCounts.Slots];

    public SipMessageFamily(IMetricFactory factory, string direction)
    {
        _requests = factory.CreateCounter($"centrex_sip_requests_{direction}_total",
            $"SIP requests {direction}, by transport and method.", ["transport", "method"]);
        _responses = factory.CreateCounter($"centrex_sip_responses_{direction}_total",
            $"SIP responses {direction}, by transport, CSeq method and status class.", ["transport", "method", "status_class"]);
    }

    /// <summary>Brings every series up to the switch's counts.</summary>
    public void Update(SipMessageCounts counts)
    {
        for (var t = 0; t < SipMessageCounts.Transports; t++)
        {
            for (var m = 0; m < SipMessageCounts.MethodCount; m++)
            {
                if (Transports[t] is not { } transport || Methods[m] is not { } method)
                {
                    continue;
                }

                var cell = (t * SipMessageCounts.MethodCount) + m;
                if (counts.Requests(t, m) is var requests and > 0)
                {
                    (_requestChildren[cell] ??= _requests.WithLabels(transport, method)).IncTo(requests);
                }

                for (var c = 1; c < SipMessageCounts.Slots; c++)
                {
                    if (counts.Responses(t, m, c) is var responses and > 0)
                    {
                        (_responseChildren[(cell * SipMessageCounts.Slots) + c] ??= _responses.WithLabels(transport, method, MetricLabels.StatusClasses[c])).IncTo(responses);
                    }
                }
            }
        }
    }
}
