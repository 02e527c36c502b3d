namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>A node that rings something: its <c>no-answer</c> and <c>busy</c> branches (busy falls back to no-answer).</summary>
public abstract class RingingNode : FlowNode
{
    /// <summary>Where an unanswered call goes; -1: stop.</summary>
    public int NoAnswer { get; init; } = -1;

    /// <summary>Where a call goes when everyone rung was busy; -1: as <see cref="NoAnswer"/>.</summary>
    public int Busy { get; init; } = -1;

    /// <inheritdoc/>
    public override int After(RingOutcome outcome) => outcome == RingOutcome.Busy && Busy >= 0 ? Busy : NoAnswer;
}
