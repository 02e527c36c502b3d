using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Partitions;

/// <summary>
/// One slot of a partition's ring. <see cref="Message"/> is made with the ring and parsed into again and again (the
/// router copies the parsed message in: bytes and ranges), so routing allocates nothing; whatever a transaction keeps
/// beyond the slot it clones.
/// </summary>
internal struct PartitionSlot
{
    public PartitionEventKind Kind;
    public SipMessage Message;
    public SipSource? Source;

    /// <summary>Partitions a CANCEL has been offered to already (it looks for its INVITE's partition, see CallPartition).</summary>
    public int Hops;

    /// <summary>The router began a check of this request's credentials: the partition reports its end (SourceGuard).</summary>
    public bool CheckBegun;

    /// <summary>What the router found out about the request (an emergency INVITE, one to place unchecked).</summary>
    public RouteMark Mark;

    /// <summary>The work to run (<see cref="PartitionEventKind.Work"/>), or the client transaction whose request could not be sent.</summary>
    public Action? Work;
    public Transactions.ClientTransaction? Transaction;

    /// <summary>Set once the event was handled, for a producer that waits for it (a manual clock, an inspection).</summary>
    public ManualResetEventSlim? Done;

    /// <summary>The finished work of a <see cref="PartitionEventKind.FlowResult"/>.</summary>
    public Calls.FlowWork? FlowWork;

    public static PartitionSlot Create() => new() { Message = new SipMessage() };
}
