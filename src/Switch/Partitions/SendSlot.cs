using System.Net;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Partitions;

/// <summary>
/// One message for the send stage: its bytes (built once by call control, never copied again), where they go, and, for
/// a request of a client transaction, which partition to tell when they cannot be sent.
/// </summary>
internal struct SendSlot
{
    public SipTransportKind Kind;
    public IPEndPoint? To;
    public SipConnection? Connection;
    public byte[]? Bytes;

    /// <summary>The client transaction the bytes belong to (null for responses and ACKs), and its partition.</summary>
    public Transactions.ClientTransaction? Transaction;
    public int Partition;
}
