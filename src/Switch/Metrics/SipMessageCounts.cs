using System.Runtime.CompilerServices;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Metrics;

/// <summary>
/// SIP messages counted by transport, method and kind: a request by its method, a response by its CSeq method and
/// status class (1xx to 6xx). One flat array of counters, so counting a message is an index computation and one add:
/// nothing allocated, nothing looked up (issue 14: no allocation per message on the hot path).
/// </summary>
/// <remarks>
/// Each instance has one writer, the only thread that sees every message of its direction: the router (the receive
/// ring's one consumer) counts what is received, the send stage (the send ring's one consumer) what is sent. So the
/// add is a plain one, not interlocked (1 ns, not 20, per message: bench/README.md). A stage split over several
/// threads would need an instance per thread, summed by the collector.
/// </remarks>
internal sealed class SipMessageCounts
{
    /// <summary>Slot 0 counts requests; slots 1 to 6 count responses of that status class.</summary>
    public const int Slots = 7;

    private static readonly int Methods = CounterArray.For<SipMethod>();

    private readonly CounterArray _counts = new(CounterArray.For<SipTransportKind>() * Methods * Slots);

    /// <summary>Transports counted (every <see cref="SipTransportKind"/>, so a new transport is counted without a change here).</summary>
    public static int Transports { get; } = CounterArray.For<SipTransportKind>();

    /// <summary>Methods counted (every <see cref="SipMethod"/>; <see cref="SipMethod.Extension"/> for the rest).</summary>
    public static int MethodCount => Methods;

    /// <summary>Counts a parsed message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Count(SipTransportKind transport, SipMessage message)
    {
        if (message.IsRequest)
        {
            CountRequest(transport, message.Method);
        }
        else
        {
            CountResponse(transport, message.CSeqMethod, message.StatusCode);
        }
    }

    /// <summary>Counts a request.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountRequest(SipTransportKind transport, SipMethod method) => _counts.IncrementBySoleWriter(Index((int)transport, (int)method, 0));

    /// <summary>Counts a response; a status outside 100 to 699 is not counted (the parser refuses those).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CountResponse(SipTransportKind transport, SipMethod method, int status)
    {
        var statusClass = status / 100;
        if ((uint)(statusClass - 1) < Slots - 1)
        {
            _counts.IncrementBySoleWriter(Index((int)transport, (int)method, statusClass));
        }
    }

    /// <summary>Requests of <paramref name="method"/> over <paramref name="transport"/>.</summary>
    public long Requests(int transport, int method) => _counts[Index(transport, method, 0)];

    /// <summary>Responses of <paramref name="statusClass"/> (1 to 6) to <paramref name="method"/> over <paramref name="transport"/>.</summary>
    public long Responses(int transport, int method, int statusClass) =>
        (uint)(statusClass - 1) < Slots - 1 ? _counts[Index(transport, method, statusClass)] : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(int transport, int method, int slot) =>
        (uint)method < (uint)Methods ? (((transport * Methods) + method) * Slots) + slot : -1;
}
