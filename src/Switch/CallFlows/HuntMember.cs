namespace Centrex.Switch.CallFlows;

/// <summary>A hunt group's member as the switch rings it (seed 004, "Add Extension").</summary>
/// <param name="AccountId">The member's account.</param>
/// <param name="Extension">Its extension number.</param>
/// <param name="RingDelaySeconds">Seconds before it starts ringing (simultaneous hunting).</param>
/// <param name="RingSeconds">Seconds it rings.</param>
/// <param name="IgnoreFollowMe">Whether the group's calls ring its phone, not its follow-me numbers.</param>
/// <param name="Primary">Whether the group is the member's primary group (group pickup without a number, for the pickup feature).</param>
public sealed record HuntMember(string AccountId, string Extension, int RingDelaySeconds, int RingSeconds, bool IgnoreFollowMe, bool Primary);
