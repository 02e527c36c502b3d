namespace Centrex.Switch.CallFlows;

/// <summary>Seed 004 Huntgroups, "Hunt Sequence".</summary>
public enum HuntSequence : byte
{
    /// <summary>One by one, first to last.</summary>
    Order,

    /// <summary>One by one, in a random order.</summary>
    Random,

    /// <summary>All at once.</summary>
    Simultaneous,

    /// <summary>One by one, the line used longest ago first.</summary>
    LeastUsed,
}
