namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "Call to phone" (seed 003): a forwarded call to an external number, authorized against and charged to the forwarding
/// line (seed 001 "How are forwarded calls billed?") and counted among its site's forwarded calls.
/// </summary>
public sealed class CallToPhoneNode : RingingNode
{
    /// <summary>The number, E.164 digits.</summary>
    public required string Number { get; init; }

    /// <summary>The account that pays; null: the line the flow answers for.</summary>
    public string? Payer { get; init; }

    /// <summary>Seconds it rings; 0: the switch's no-answer timeout.</summary>
    public int RingSeconds { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => new(FlowStepKind.RingNumber, Target: Number, RingSeconds: RingSeconds, Payer: Payer);
}
