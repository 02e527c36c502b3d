namespace Centrex.Provisioning.Model;

/// <summary>
/// Seed 004 Huntgroups, "Hunt Sequence". Persisted by name: <c>order</c>, <c>random</c>, <c>simultaneous</c>,
/// <c>least-used</c>.
/// </summary>
public enum HuntSequence
{
    /// <summary>"extensions will be called one by one from the first (topmost) to the last number until the call is answered".</summary>
    Order,

    /// <summary>"a random order".</summary>
    Random,

    /// <summary>"simultaneous calls to every extension from the list".</summary>
    Simultaneous,

    /// <summary>"sorts the phone lines ... beginning with their last usage": the longest idle first.</summary>
    LeastUsed,
}
