using Centrex.Switch.CallFlows.Async;
using NodaTime;

namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "Routing by call history" (seed 003: "a client will be connected to the operator with whom he has already
/// communicated"): looks up in the CDR store the extension of the customer that last had an answered call with the
/// caller's number within <see cref="Days"/> days, and rings it (with its own forwarding, as Call to SIP). None found,
/// no answer, busy, a timeout or an error: the <c>else</c> branch.
/// </summary>
public sealed class CallHistoryNode : AsyncFlowNode
{
    /// <summary>The longest look back (a year of CDR files is already a lot to read for one call).</summary>
    public const int MaxDays = 90;

    /// <summary>How far back to look.</summary>
    public required int Days { get; init; }

    /// <summary>Seconds the extension rings; 0: the switch's no-answer timeout.</summary>
    public int RingSeconds { get; init; }

    /// <inheritdoc/>
    public override async Task<FlowResult> RunAsync(FlowCall call, FlowServices services, CancellationToken cancellation)
    {
        if (services.History is not { } history)
        {
            return FlowResult.Failed("no CDR store");
        }

        var account = await history.LastPartnerAsync(call.Caller, call.Time - Duration.FromDays(Days), call.Time,
            id => call.Directory.FindAccount(id) is { Extension: not null } line && line.CustomerId == call.CustomerId, cancellation).ConfigureAwait(false);
        return new FlowResult(FlowResultKind.Done, Text: account);
    }

    /// <inheritdoc/>
    public override FlowStep Completed(in FlowResult result, in FlowContext context) =>
        result is { Kind: FlowResultKind.Done, Text: { } account } ? new FlowStep(FlowStepKind.RingAccount, Target: account, RingSeconds: RingSeconds) : FlowStep.Goto(Error);

    /// <inheritdoc/>
    public override int After(RingOutcome outcome) => Error;
}
