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
    /// <summary>
    /// How long the number set by <c>*72</c>/<c>*73</c> rings before the caller gets 480: as long as a call to a phone
    /// (<see cref="Calls.SwitchOptions.NoAnswerTimeout"/>'s default), and inside provisioning's ring_for range (5–300 s).
    /// A constant, so the partition (at the star code) and the host (from the store) build the same forwarding.
    /// </summary>
    public const int PhoneTargetRingSeconds = 60;

    /// <summary>What <c>*72 NUMBER</c> / <c>*73 NUMBER</c> set: one number, after the line's ring time when conditional.</summary>
    /// <param name="when">Conditional or unconditional.</param>
    /// <param name="ringSeconds">The account's ring time.</param>
    /// <param name="number">E.164 digits or an extension of the customer.</param>
    public static LineForwarding FromPhone(ForwardWhen when, int ringSeconds, string number) =>
        new(when, ringSeconds, false, [new ForwardTarget(number, PhoneTargetRingSeconds, [])]);

    /// <summary>The forwarding as text, for comparing by value.</summary>
    public string Key { get; } = $"{When}|{RingSeconds}|{Simultaneous}|{string.Join(';', Targets.Select(t => $"{t.Number},{t.RingSeconds},{string.Join('/', t.Schedule)}"))}";
}
