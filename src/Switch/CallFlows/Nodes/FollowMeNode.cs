namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>"Follow-me" (seed 002): rings the line's follow-me numbers (its forwarding targets) instead of its phone.</summary>
public sealed class FollowMeNode : RingingNode
{
    /// <summary>The line whose numbers ring.</summary>
    public required string AccountId { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => new(FlowStepKind.FollowMe, Target: AccountId);
}
