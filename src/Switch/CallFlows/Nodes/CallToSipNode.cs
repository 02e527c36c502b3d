namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>"Call to SIP" (seed 003): rings an account of the customer, which follows its own forwarding.</summary>
public sealed class CallToSipNode : RingingNode
{
    /// <summary>The account rung.</summary>
    public required string AccountId { get; init; }

    /// <summary>Seconds it rings; 0: the switch's no-answer timeout.</summary>
    public int RingSeconds { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => new(FlowStepKind.RingAccount, Target: AccountId, RingSeconds: RingSeconds);
}
