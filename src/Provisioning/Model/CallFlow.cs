namespace Centrex.Provisioning.Model;

/// <summary>
/// A call flow (seed 003, the call-flow builder): a graph of typed nodes that decides what happens to a call arriving at
/// one of <see cref="Numbers"/> (DIDs or extensions of <see cref="CustomerId"/>). The entry is the flow's one
/// <c>my-numbers</c> node. Nodes are data: the switch compiles each node type to its own evaluator step, so a new feature
/// (the media issue's voice mail, play audio, voice menu, queue) is a new type in <see cref="CallFlowNodeTypes"/>.
/// </summary>
/// <param name="Id">The flow's id.</param>
/// <param name="CustomerId">Whose numbers it answers.</param>
/// <param name="Numbers">The DIDs (E.164 digits) and extensions it is attached to.</param>
/// <param name="Nodes">Its nodes, in the order given.</param>
public sealed record CallFlow(string Id, string CustomerId, IReadOnlyList<string> Numbers, IReadOnlyList<CallFlowNode> Nodes)
{
    /// <summary>Most nodes in one flow.</summary>
    public const int MaxNodes = 64;
}
