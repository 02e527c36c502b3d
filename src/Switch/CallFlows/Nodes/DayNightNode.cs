namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>"Day/night" (seed 002): the <c>night</c> branch while the customer's night mode is on (toggled by <c>*33</c>).</summary>
public sealed class DayNightNode : FlowNode
{
    /// <summary>Night mode off.</summary>
    public required int Day { get; init; }

    /// <summary>Night mode on.</summary>
    public required int Night { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => FlowStep.Goto(context.Night ? Night : Day);
}
