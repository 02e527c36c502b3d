namespace Centrex.Switch.CallFlows;

/// <summary>
/// Where one call is in its flow: a small state machine kept in the call (a struct field: nothing allocated per call),
/// owned by the call's partition thread like the rest of the call.
/// </summary>
public struct FlowRun
{
    /// <summary>The flow, or null when the call has none.</summary>
    public CompiledFlow? Flow;

    /// <summary>The node the call is at.</summary>
    public int Node;

    /// <summary>Nodes entered so far (bounded: a flow that loops through ringing nodes still ends).</summary>
    public int Steps;

    /// <summary>Starts <paramref name="flow"/> at its entry.</summary>
    public static FlowRun Start(CompiledFlow flow) => new() { Flow = flow, Node = flow.Entry };
}
