using System.Text;
using Centrex.Switch.Metrics;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Tests.Metrics;

/// <summary>
/// Issue 14: counting a message allocates nothing. What the router does per received message (count the parsed
/// message) and the send stage per sent one (read its start line and CSeq, count it), thousands of times on this
/// thread: not one byte. The figure per operation is in bench/README.md ("Metrics").
/// </summary>
public sealed class CountingAllocationTests
{
    [Fact]
    public void CountingReceivedAndSentMessages_AllocatesNothing()
    {
        var metrics = new SwitchMetrics();
        var message = new SipMessage();
        Assert.Equal(SipParseError.None, message.Parse(SampleMessages.InviteBytes));
        var ok = Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n");
        CountAll(metrics, message, ok, 100); // warm up: tiered compilation, static tables

        var before = GC.GetAllocatedBytesForCurrentThread();
        CountAll(metrics, message, ok, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_100, metrics.Received.Requests((int)SipTransportKind.Udp, (int)SipMethod.Invite));
        Assert.Equal(10_100, metrics.Sent.Responses((int)SipTransportKind.Udp, (int)SipMethod.Invite, 2));
        Assert.Equal(10_100, metrics.Refusals(RefusalReason.RateLimit));
    }

    private static void CountAll(SwitchMetrics metrics, SipMessage received, byte[] sent, int times)
    {
        for (var i = 0; i < times; i++)
        {
            metrics.Received.Count(SipTransportKind.Udp, received);
            if (OutgoingMessageKind.TryRead(sent, out var method, out var status))
            {
                metrics.Sent.CountResponse(SipTransportKind.Udp, method, status);
            }

            metrics.CountRefusal(RefusalReason.RateLimit);
            metrics.CountRetransmissionSent(request: true);
        }
    }
}
