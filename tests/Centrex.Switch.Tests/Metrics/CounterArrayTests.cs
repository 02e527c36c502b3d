using System.Reflection;
using Centrex.Switch.Metrics;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Tests.Metrics;

/// <summary>The switch's counters: padded, lossless across threads, and never throwing on an index out of range.</summary>
public sealed class CounterArrayTests
{
    [Fact]
    public void Counters_ArePaddedByACacheLineOnEachSide()
    {
        var counters = new CounterArray(3);
        var values = (long[])typeof(CounterArray).GetField("_values", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(counters)!;
        Assert.Equal(3 + (2 * CounterArray.Padding), values.Length);
        Assert.True(CounterArray.Padding * sizeof(long) >= 64);
    }

    [Fact]
    public void Increment_FromManyThreadsAtOnce_LosesNothing()
    {
        var counters = new CounterArray(2);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                counters.Increment(1);
            }
        });
        Assert.Equal(400_000, counters[1]);
        Assert.Equal(0, counters[0]);
    }

    [Fact]
    public void Increment_OutOfRange_IsIgnored()
    {
        var counters = new CounterArray(2);
        counters.Increment(-1);
        counters.Increment(2);
        Assert.Equal(0, counters[0] + counters[1]);
        Assert.Equal(0, counters[2]);
    }

    [Fact]
    public void SipMessageCounts_KeepsEachTransportMethodAndClassApart()
    {
        var counts = new SipMessageCounts();
        counts.CountRequest(SipTransportKind.Tcp, SipMethod.Register);
        counts.CountResponse(SipTransportKind.Tcp, SipMethod.Register, 401);
        counts.CountResponse(SipTransportKind.Tcp, SipMethod.Register, 200);
        counts.CountResponse(SipTransportKind.Udp, SipMethod.Invite, 699);
        counts.CountResponse(SipTransportKind.Udp, SipMethod.Invite, 700); // not a status: not counted
        counts.CountResponse(SipTransportKind.Udp, SipMethod.Invite, 99);

        Assert.Equal(1, counts.Requests((int)SipTransportKind.Tcp, (int)SipMethod.Register));
        Assert.Equal(0, counts.Requests((int)SipTransportKind.Udp, (int)SipMethod.Register));
        Assert.Equal(1, counts.Responses((int)SipTransportKind.Tcp, (int)SipMethod.Register, 4));
        Assert.Equal(1, counts.Responses((int)SipTransportKind.Tcp, (int)SipMethod.Register, 2));
        Assert.Equal(1, counts.Responses((int)SipTransportKind.Udp, (int)SipMethod.Invite, 6));
        var all = 0L;
        for (var t = 0; t < SipMessageCounts.Transports; t++)
        {
            for (var m = 0; m < SipMessageCounts.MethodCount; m++)
            {
                all += counts.Requests(t, m);
                for (var c = 1; c < SipMessageCounts.Slots; c++)
                {
                    all += counts.Responses(t, m, c);
                }
            }
        }

        Assert.Equal(4, all);
    }
}
