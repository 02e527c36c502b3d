namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>"Hunt group" (seed 004 Huntgroups): rings the group's members by its sequence.</summary>
public sealed class HuntGroupNode : RingingNode
{
    /// <summary>The group.</summary>
    public required HuntGroupPlan Group { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => new(FlowStepKind.RingGroup, Group: Group);
}
