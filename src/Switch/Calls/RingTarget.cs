namespace Centrex.Switch.Calls;

/// <summary>
/// One party a fork rings. Targets are rung in list order, a target with <see cref="WithPrevious"/> together with the one
/// before it: sequential hunting is a list of single targets, simultaneous ringing one run of them, and conditional
/// forwarding the line followed by its numbers.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Value">The account id, E.164 number or URI.</param>
/// <param name="WithPrevious">Rings at the same time as the target before it.</param>
/// <param name="DelaySeconds">Seconds after its turn before it rings (hunt group ring delay).</param>
/// <param name="RingSeconds">Seconds it rings; 0: the switch's no-answer timeout.</param>
/// <param name="Payer">For an external number: the forwarding line that pays.</param>
internal readonly record struct RingTarget(RingTargetKind Kind, string Value, bool WithPrevious, int DelaySeconds, int RingSeconds, string? Payer);
