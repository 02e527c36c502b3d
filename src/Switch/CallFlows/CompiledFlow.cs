namespace Centrex.Switch.CallFlows;

/// <summary>A call flow ready to run: its nodes by index (branches are indexes), the entry node's index.</summary>
/// <param name="Id">The flow's id.</param>
/// <param name="Nodes">Its nodes.</param>
/// <param name="Entry">The index of its <c>my-numbers</c> node.</param>
public sealed record CompiledFlow(string Id, FlowNode[] Nodes, int Entry);
