using Centrex.Switch.CallFlows.Async;
using NodaTime;

namespace Centrex.Switch.CallFlows;

/// <summary>
/// A node whose decision needs the network (seed 003: HTTP notification, caller name lookup, email notification,
/// routing by call history). <see cref="Enter"/> only asks call control to start <see cref="RunAsync"/>; call control
/// runs it off the partition's thread with <see cref="Timeout"/> as its deadline, and when its result comes back through
/// the partition's ring, <see cref="Completed"/> says where the flow goes. Entering allocates nothing: the step refers
/// to the node itself. A <see cref="Detached"/> node (email) does not wait: the flow goes on at once.
/// </summary>
public abstract class AsyncFlowNode : FlowNode
{
    /// <summary>The longest deadline a node may have: a caller waits in silence while the work runs.</summary>
    public const int MaxTimeoutSeconds = 10;

    /// <summary>How long the work may take; past it the flow takes <see cref="Error"/>.</summary>
    public required Duration Timeout { get; init; }

    /// <summary>The node after this one (a notification delivered, a name looked up, a mail handed over).</summary>
    public int NextNode { get; init; } = -1;

    /// <summary>Where a timeout, an error or a refusal (too much work in flight) goes; -1: as <see cref="NextNode"/>.</summary>
    public int Error { get; init; } = -1;

    /// <summary>Whether the flow goes on without waiting for the result (fire and forget).</summary>
    public virtual bool Detached => false;

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => new(FlowStepKind.Async, Next: NextNode, Async: this);

    /// <summary>The work, on a thread-pool thread; <paramref name="cancellation"/> ends it at the deadline or when the caller gives up.</summary>
    public abstract Task<FlowResult> RunAsync(FlowCall call, FlowServices services, CancellationToken cancellation);

    /// <summary>Where the flow goes with <paramref name="result"/> (a <c>Goto</c>, or something to ring).</summary>
    public virtual FlowStep Completed(in FlowResult result, in FlowContext context) =>
        FlowStep.Goto(result.Kind == FlowResultKind.Done || Error < 0 ? NextNode : Error);
}
