namespace Centrex.Switch.CallFlows;

/// <summary>
/// A line's forwarding as the switch runs it (seed 004: simple, follow-me, advanced; seed 000 <c>*72</c>/<c>*73</c>):
/// when it applies, the line's ring time before conditional forwarding, whether follow-me rings every number at once,
/// and the numbers in order (simple forwarding: one). <see cref="Key"/> compares two by value (a star code's setting
/// against the directory's).
/// </summary>
/// <param name="When">Unconditional or conditional.</param>
/// <param name="RingSeconds">The line's ring time (conditional forwarding).</param>
/// <param name="Simultaneous">Follow-me rings every number at once.</param>
/// <param name="Targets">The numbers.</param>
public sealed record LineForwarding(ForwardWhen When, int RingSeconds, bool Simultaneous, ForwardTarget[] Targets)
{
    /// <summary>The forwarding as text, for comparing by value.</summary>
    public string Key { get; } = $"{When}|{RingSeconds}|{Simultaneous}|{string.Join(';', Targets.Select(t => $"{t.Number},{t.RingSeconds},{string.Join('/', t.Schedule)}"))}";
}
