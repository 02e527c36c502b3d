namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>"My numbers" (seed 003): where a call to one of the flow's numbers enters; goes straight on.</summary>
public sealed class EntryNode : FlowNode
{
    /// <summary>The node after it.</summary>
    public required int NextNode { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => FlowStep.Goto(NextNode);
}
