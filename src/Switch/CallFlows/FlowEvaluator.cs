using Centrex.Switch.CallFlows.Async;
using System.Runtime.CompilerServices;

namespace Centrex.Switch.CallFlows;

/// <summary>
/// Runs a call through its flow: decision nodes are passed at once, until a node asks for something to be rung (or the
/// flow stops, or asks for network work: <see cref="FlowStepKind.Async"/>, resumed by <see cref="Completed"/>). After
/// ringing ends unanswered, <see cref="Resume"/> takes the node's branch for the outcome. Nothing is
/// allocated: the run is a struct in the call, the nodes and their steps refer to what compilation built.
/// </summary>
public static class FlowEvaluator
{
    /// <summary>Most nodes a call enters: a flow that rings in a loop (a group whose no-answer branch is itself) ends.</summary>
    public const int MaxSteps = 32;

    /// <summary>Passes decision nodes from the current one; returns the first step that is not a <c>Goto</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FlowStep Next(ref FlowRun run, in FlowContext context)
    {
        var nodes = run.Flow!.Nodes;
        while (run.Node >= 0 && run.Steps++ < MaxSteps)
        {
            var step = nodes[run.Node].Enter(context);
            if (step.Kind != FlowStepKind.Goto)
            {
                return step;
            }

            run.Node = step.Next;
        }

        return FlowStep.Stop;
    }

    /// <summary>
    /// The network work of the current (async) node ended with <paramref name="result"/>: the node says where to go (or
    /// what to ring), then as <see cref="Next"/>. Called on the call's partition thread, when the result came back
    /// through the ring; a media node that waits for the caller (a voice menu's digits) resumes the same way.
    /// </summary>
    public static FlowStep Completed(ref FlowRun run, in FlowResult result, in FlowContext context)
    {
        if (run.Node < 0 || run.Flow!.Nodes[run.Node] is not AsyncFlowNode node)
        {
            return FlowStep.Stop;
        }

        var step = node.Completed(result, context);
        if (step.Kind != FlowStepKind.Goto)
        {
            return step;
        }

        run.Node = step.Next;
        return Next(ref run, context);
    }

    /// <summary>A node that changed the caller number or started detached work: on to <paramref name="next"/>, then as <see cref="Next"/>.</summary>
    public static FlowStep Continue(ref FlowRun run, int next, in FlowContext context)
    {
        run.Node = next;
        return Next(ref run, context);
    }

    /// <summary>The ringing of the current node ended with <paramref name="outcome"/>: on to its branch, then as <see cref="Next"/>.</summary>
    public static FlowStep Resume(ref FlowRun run, RingOutcome outcome, in FlowContext context)
    {
        run.Node = run.Node >= 0 ? run.Flow!.Nodes[run.Node].After(outcome) : -1;
        return Next(ref run, context);
    }
}
