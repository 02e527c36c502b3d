namespace Centrex.Provisioning.Model;

/// <summary>
/// Forwarding a line set from its phone (seed 000: <c>*72 NUMBER</c> conditional, <c>*73 NUMBER</c> unconditional;
/// <c>*72*</c>/<c>*73*</c> turn it off), kept beside the provisioned <see cref="Forwarding"/> rather than over it, so a
/// follow-me list built in the portal is not lost to a star code. While present it is the line's forwarding in force:
/// <see cref="Number"/> with the line's ring time (<see cref="Forwarding.RingSeconds"/>, the "account's ring time" of
/// issue 15) before conditional forwarding; <see cref="IsOff"/>: the phone turned forwarding off. An import that
/// changes the line's <c>forwarding</c> drops it (provisioning is the later word); <c>*72*</c>/<c>*73*</c> set it off.
/// </summary>
/// <param name="When">Unconditional or conditional; ignored when off.</param>
/// <param name="Number">E.164 digits (with or without '+') or an extension of the customer; empty: off.</param>
public sealed record PhoneForwarding(ForwardWhen When, string Number)
{
    /// <summary>The phone turned the line's forwarding off.</summary>
    public static PhoneForwarding Off { get; } = new(ForwardWhen.Always, string.Empty);

    /// <summary>Whether this says "no forwarding".</summary>
    public bool IsOff => Number.Length == 0;
}
