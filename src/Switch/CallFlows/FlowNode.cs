namespace Centrex.Switch.CallFlows;

/// <summary>
/// A compiled node of a call flow. The evaluator knows only this contract: <see cref="Enter"/> says what to do when the
/// call reaches the node, <see cref="After"/> where to go when what it rang was not answered. A new feature (the media
/// issue's voice mail, play audio, voice menu, queue) is a new subclass and a new entry in <see cref="FlowNodeTypes"/>,
/// never a change to <see cref="FlowEvaluator"/>. A node that needs the network (or, in the media issue, waits for the
/// caller's digits) derives from <see cref="AsyncFlowNode"/>: call control runs its work off the partition's thread and
/// resumes the flow with its result (<see cref="FlowEvaluator.Completed"/>). Nodes are immutable and shared by every
/// call of every partition.
/// </summary>
public abstract class FlowNode
{
    /// <summary>The node's id in its flow (for messages).</summary>
    public required string Id { get; init; }

    /// <summary>What the call does on reaching this node.</summary>
    public abstract FlowStep Enter(in FlowContext context);

    /// <summary>The node to go to after its ringing ended with <paramref name="outcome"/>; -1 to stop.</summary>
    public virtual int After(RingOutcome outcome) => -1;
}
