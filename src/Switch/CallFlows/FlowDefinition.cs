namespace Centrex.Switch.CallFlows;

/// <summary>A call flow as provisioning gives it: its customer, the DIDs and extensions it answers, its nodes.</summary>
/// <param name="Id">The flow's id.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Numbers">DIDs (E.164 digits) and extensions it is attached to.</param>
/// <param name="Nodes">Its nodes; the entry is the <c>my-numbers</c> one.</param>
public sealed record FlowDefinition(string Id, string CustomerId, IReadOnlyList<string> Numbers, IReadOnlyList<FlowNodeDefinition> Nodes);
