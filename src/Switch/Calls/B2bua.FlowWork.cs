using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;

namespace Centrex.Switch.Calls;

/// <summary>
/// Call flow nodes that touch the network (seed 003: HTTP notification, caller name lookup, email notification, routing
/// by call history). The partition's thread never waits: the work runs on the thread pool with the node's deadline and
/// its result comes back as an event on the partition's ring (<see cref="OnFlowWorkDone"/>), where the flow resumes if
/// the call is still waiting for it. The deadline is a timer on the partition's wheel (the switch's clock: the manual
/// one in tests); past it, or on an error, the node's error branch. A partition runs at most
/// <see cref="FlowServices.MaxInFlight"/> pieces of work at once; past that the node is refused (its error branch).
/// </summary>
internal sealed partial class B2bua
{
    private int _flowWorkInFlight;

    /// <summary>Publishes finished work to this partition's ring (set by the pipeline; null: flows cannot start network work).</summary>
    public Action<FlowWork>? PostFlowWork { get; init; }

    /// <summary>Network work of call flows started and not yet back (read by tests and metrics).</summary>
    public int FlowWorkInFlight => Volatile.Read(ref _flowWorkInFlight);

    private void StartFlowWork(Call call, FlowStep step)
    {
        var fork = call.Fork!;
        var node = step.Async!;
        var services = _options.Flows;
        if (PostFlowWork is not { } post || _flowWorkInFlight >= services.MaxInFlight)
        {
            // Too much in flight: a slow server must not pile up work behind the calls that keep coming.
            ContinueFlow(call, node.Detached ? FlowEvaluator.Continue(ref fork.Run, step.Next, ContextOf(fork)) : FlowEvaluator.Completed(ref fork.Run, FlowResult.Refused, ContextOf(fork)));
            return;
        }

        var original = fork.Original;
        var details = new FlowCall(original.Id, original.SipCallId, fork.Caller ?? original.Caller, original.Dialed, original.Normalized ?? original.Dialed,
            fork.CustomerId, fork.Line, _stack.Clock.Now, fork.Directory);
        var work = new FlowWork(call, node, details);
        Volatile.Write(ref _flowWorkInFlight, _flowWorkInFlight + 1);
        if (!node.Detached)
        {
            fork.Pending = work;
            work.Timers = this;
            work.Deadline = _stack.StartTimer(node.Timeout, work, 0);
        }

        work.Start(services, post);
        if (node.Detached)
        {
            ContinueFlow(call, FlowEvaluator.Continue(ref fork.Run, step.Next, ContextOf(fork))); // fire and forget: the flow goes on at once
        }
    }

    /// <summary>On the partition's thread: work came back through the ring. Resumes its call's flow if the call still waits for it.</summary>
    internal void OnFlowWorkDone(FlowWork work)
    {
        Volatile.Write(ref _flowWorkInFlight, _flowWorkInFlight - 1);
        work.Dispose();
        var result = work.Result;
        if (result.Kind != FlowResultKind.Done)
        {
            Console.Error.WriteLine($"centrex: call {work.Details.CallId}: call flow node \"{work.Node.Id}\": {result.Kind}{(result.Text is { } why ? ": " + why : string.Empty)}");
        }

        var call = work.Call;
        if (call.Fork is not { } fork || !ReferenceEquals(fork.Pending, work))
        {
            return; // detached work, or the deadline passed, or the caller hung up (CANCEL): the result is dropped
        }

        fork.Pending = null;
        work.Deadline.Cancel();
        if (call.State == CallState.Trying && !call.Cancelled)
        {
            Resume(call, result);
        }
    }

    void ICallTimers.OnFlowDeadline(FlowWork work)
    {
        var call = work.Call;
        if (call.Fork is not { } fork || !ReferenceEquals(fork.Pending, work))
        {
            return;
        }

        fork.Pending = null;
        work.Cancel();
        if (call.State == CallState.Trying && !call.Cancelled)
        {
            Resume(call, FlowResult.TimedOut);
        }
    }

    /// <summary>The call ended while work was pending: the work is stopped; its result, when it comes, finds nothing waiting.</summary>
    private static void AbandonFlowWork(CallFork fork)
    {
        if (fork.Pending is { } work)
        {
            fork.Pending = null;
            work.Deadline.Cancel();
            work.Cancel();
        }
    }

    private void Resume(Call call, in FlowResult result)
    {
        var fork = call.Fork!;
        if (result.CallerName is { } name)
        {
            fork.CallerName = name;
        }

        ContinueFlow(call, FlowEvaluator.Completed(ref fork.Run, result, ContextOf(fork)));
    }

    /// <summary>Acts on the next step; a flow that ends without having rung anyone fails the call as StepDone does.</summary>
    private void ContinueFlow(Call call, FlowStep step) => Execute(call, step);
}
