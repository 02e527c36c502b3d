namespace Centrex.Switch.Partitions;

/// <summary>What a slot of a partition's ring carries.</summary>
internal enum PartitionEventKind : byte
{
    /// <summary>A parsed SIP message routed to this partition.</summary>
    Message,

    /// <summary>The partition's clock wake-up: run the timers due by now.</summary>
    Tick,

    /// <summary>Work to run on the partition's thread (stop, inspection, provisioning changes).</summary>
    Work,

    /// <summary>The send stage could not send a request of this partition's client transaction (§8.1.3.1).</summary>
    TransportError,

    /// <summary>A call flow node's network work ended (B2bua.FlowWork.cs): its result, for the call's flow to resume.</summary>
    FlowResult,
}
