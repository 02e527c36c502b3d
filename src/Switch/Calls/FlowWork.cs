using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.Clock;

namespace Centrex.Switch.Calls;

/// <summary>
/// One call flow node's network work (issue 15: call control never waits on the network). Made on the call's partition
/// thread, run on the thread pool, handed back through the partition's ring with its <see cref="Result"/>; the
/// partition's thread alone reads <see cref="Call"/> and <see cref="Deadline"/>.
/// </summary>
internal sealed class FlowWork(Call call, AsyncFlowNode node, FlowCall details) : ITimerTarget
{
    /// <summary>
    /// At the node's deadline on the switch's clock the partition cancels the work and the flow goes on without it; this
    /// much later in real time the work cancels itself regardless, for a manual clock that never moves (tests): generous,
    /// so a loaded test host never sees it before the manual deadline it steps to.
    /// </summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _cancellation = new();

    public Call Call { get; } = call;

    public AsyncFlowNode Node { get; } = node;

    public FlowCall Details { get; } = details;

    /// <summary>The partition's timer for the node's deadline (none for detached work): a wheel slot, no closure.</summary>
    public TimerHandle Deadline { get; set; }

    /// <summary>Whom the deadline tells: the partition's B2BUA (set on its thread, like <see cref="Deadline"/>).</summary>
    public ICallTimers? Timers { get; set; }

    public void OnTimer(int kind) => Timers?.OnFlowDeadline(this);

    /// <summary>What the work found; written before the work is published to the ring, read after.</summary>
    public FlowResult Result { get; private set; }

    /// <summary>Starts the work on the thread pool; <paramref name="done"/> publishes it to the partition's ring when it ends.</summary>
    public void Start(FlowServices services, Action<FlowWork> done)
    {
        _cancellation.CancelAfter(Node.Timeout.ToTimeSpan() + Grace);
        var token = _cancellation.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                Result = await Node.RunAsync(Details, services, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Result = FlowResult.TimedOut;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Result = FlowResult.Failed($"{e.GetType().Name}: {e.Message}"); // unreachable server, refused mail...
            }

            done(this);
        });
    }

    /// <summary>Stops the work (its deadline passed or the caller gave up); callbacks run off the partition's thread.</summary>
    public void Cancel() => _ = _cancellation.CancelAsync();

    /// <summary>Frees the work's timer once its result came back.</summary>
    public void Dispose() => _cancellation.Dispose();
}
