using Centrex.Pipeline;
using Centrex.Switch.Metrics;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Partitions;

/// <summary>
/// The last stage: the one thread that writes to the sockets, so no partition ever waits on a socket (a TCP peer that
/// does not read is disconnected by its connection, not waited for; opening a connection to a phone's contact waits
/// here, never in call control). A message to the switch itself (<see cref="SipTransportKind.Internal"/>: one
/// partition calling another customer's) goes back on the receive ring. A request that cannot be sent is reported to
/// its partition, which ends its transaction as on a timeout (RFC 3261 §8.1.3.1).
/// </summary>
internal sealed class SendStage(SipTransports transports, Action<byte[], SipSource> loopback, Func<int, CallPartition> partitions, SwitchMetrics metrics)
    : IEventHandler<SendSlot>
{
    private long _sent;
    private long _failed;

    /// <summary>Messages sent (internal hops included).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages that could not be sent.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The source an internal hop arrives from: the switch itself.</summary>
    public SipSource? InternalSource { get; set; }

    public void OnEvent(ref SendSlot data, long sequence, bool endOfBatch)
    {
        try
        {
            bool sent;
            if (data.Kind == SipTransportKind.Internal)
            {
                loopback(data.Bytes!, InternalSource!);
                sent = true;
            }
            else
            {
                sent = transports.Send(data.Kind, data.To!, data.Bytes, data.Connection);
            }

            if (sent)
            {
                Interlocked.Increment(ref _sent);
                Count(data.Kind, data.Bytes);
            }
            else
            {
                Interlocked.Increment(ref _failed);
                if (data.Transaction is { } transaction)
                {
                    partitions(data.Partition).PublishTransportError(transaction);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"centrex: error sending to {data.To}: {e.GetType().Name}: {e.Message}");
        }

        data = default;
    }

    /// <summary>Counts a sent message by what its bytes say (the slot carries nothing else).</summary>
    private void Count(SipTransportKind kind, byte[]? bytes)
    {
        if (!OutgoingMessageKind.TryRead(bytes, out var method, out var status))
        {
            return;
        }

        if (status == 0)
        {
            metrics.Sent.CountRequest(kind, method);
        }
        else
        {
            metrics.Sent.CountResponse(kind, method, status);
        }
    }
}
