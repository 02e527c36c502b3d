namespace Centrex.Provisioning.Model;

/// <summary>
/// A line's call forwarding (seed 004, Phone Lines › forwarding modes), stored with the line in provisioning so the
/// switch's forwarding (issue 15) reads it like every other line setting; the portal changes it through
/// <c>provision import</c>'s validation.
/// </summary>
/// <param name="Mode">How calls are forwarded.</param>
/// <param name="Targets">The numbers, in the order they are tried (simple mode uses the first).</param>
public sealed record Forwarding(ForwardingMode Mode, IReadOnlyList<ForwardTarget> Targets)
{
    /// <summary>Most numbers a line forwards to.</summary>
    public const int MaxTargets = 10;

    /// <summary>The line's ring time when not given.</summary>
    public const int DefaultRingSeconds = 20;

    /// <summary>No forwarding.</summary>
    public static Forwarding Off { get; } = new(ForwardingMode.Off, []);

    /// <summary>Unconditional (<c>*73</c>) or only when the line does not answer (<c>*72</c>: busy, no answer, unregistered).</summary>
    public ForwardWhen When { get; init; } = ForwardWhen.Always;

    /// <summary>The line's ring time: how long its phone rings before conditional forwarding takes the call.</summary>
    public int RingSeconds { get; init; } = DefaultRingSeconds;

    /// <summary>Follow-me: ring every number at once instead of one after the other (seed 004, seed 002 "Follow Me").</summary>
    public bool Simultaneous { get; init; }

    /// <summary>
    /// Nothing set: off, no numbers, every setting at its default. Anything else is kept and shown, even while off: the
    /// line's ring time is also how long its phone rings before <c>*72</c> forwarding takes the call (issue 15).
    /// </summary>
    public bool IsUnset => Mode == ForwardingMode.Off && Targets.Count == 0 && When == ForwardWhen.Always && RingSeconds == DefaultRingSeconds && !Simultaneous;

    /// <summary>Whether calls are forwarded at all.</summary>
    public bool IsOn => Mode != ForwardingMode.Off && Targets.Any(t => t.Enabled);

    /// <summary>The numbers to ring at <paramref name="local"/>, in order (simple mode: its one number, always).</summary>
    public IReadOnlyList<ForwardTarget> At(NodaTime.LocalDateTime local) => Mode switch
    {
        ForwardingMode.Off => [],
        ForwardingMode.Simple => Targets.Count > 0 && Targets[0].Enabled ? [Targets[0]] : [],
        _ => [.. Targets.Where(t => t.ActiveAt(local))],
    };
}
