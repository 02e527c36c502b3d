namespace Centrex.Provisioning.Model;

/// <summary>
/// An extension in a hunt group (seed 004, "Add Extension": Ring Delay, Ring Time, Ignore Follow-me/Voicemail, Set This
/// Group as Primary).
/// </summary>
/// <param name="Extension">The customer's extension number.</param>
/// <param name="RingDelaySeconds">Seconds before it starts ringing (simultaneous hunting).</param>
/// <param name="RingSeconds">Seconds it rings.</param>
/// <param name="IgnoreFollowMe">Whether the group's calls ring the phone itself, not the line's follow-me numbers.</param>
/// <param name="Primary">Whether this is the extension's primary group (group pickup without a group number).</param>
public sealed record HuntGroupMember(string Extension, int RingDelaySeconds, int RingSeconds, bool IgnoreFollowMe, bool Primary);
