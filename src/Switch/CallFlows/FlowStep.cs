namespace Centrex.Switch.CallFlows;

/// <summary>
/// A node's answer to the evaluator: a struct over references the compiled flow already holds, so evaluating a flow
/// allocates nothing (ARCHITECTURE: the hot path allocates nothing per call).
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Next">For <see cref="FlowStepKind.Goto"/>: the node to go to.</param>
/// <param name="Target">The account or number to ring.</param>
/// <param name="Group">The hunt group to ring.</param>
/// <param name="RingSeconds">How long to ring (0: the account's or group's own).</param>
/// <param name="Payer">For an external number: the account that forwards it and pays (seed 001); null: the flow's line.</param>
/// <param name="Async">For <see cref="FlowStepKind.Async"/>: the node whose work call control starts.</param>
/// <param name="Caller">For <see cref="FlowStepKind.ChangeCaller"/>: the node that rewrites the caller number.</param>
public readonly record struct FlowStep(FlowStepKind Kind, int Next = -1, string? Target = null, HuntGroupPlan? Group = null, int RingSeconds = 0, string? Payer = null,
    AsyncFlowNode? Async = null, Nodes.ChangeCallerNode? Caller = null)
{
    /// <summary>Go to node <paramref name="next"/>.</summary>
    public static FlowStep Goto(int next) => new(FlowStepKind.Goto, next);

    /// <summary>Stop.</summary>
    public static FlowStep Stop => new(FlowStepKind.Stop);
}
