namespace Centrex.Switch.CallFlows;

/// <summary>
/// A hunt group compiled for ringing (seed 004 Huntgroups): its members with included groups' members flattened in after
/// its own (each line once), its sequence, what members see, pickup, and where an unanswered call goes. Immutable; the
/// order of one call's members is chosen into the call's own buffer (<see cref="HuntOrder"/>).
/// </summary>
/// <param name="CustomerId">Whose group.</param>
/// <param name="Number">Its number.</param>
/// <param name="Name">Its name (shown when <paramref name="CallerId"/> says so).</param>
/// <param name="Sequence">Its hunt sequence.</param>
/// <param name="CallerId">What members see.</param>
/// <param name="PickupAllowed">"Call Pickup Allowed": its members' calls may be picked up (read by the pickup feature).</param>
/// <param name="NoAnswer">An extension, group number or external number for unanswered calls; null: none.</param>
/// <param name="Members">Members: its own as provisioned; once built (<see cref="HuntGroups.Build"/>) included groups' follow.</param>
/// <param name="Groups">Numbers of the groups it includes (seed 004 "Included Huntgroups").</param>
public sealed record HuntGroupPlan(string CustomerId, string Number, string Name, HuntSequence Sequence, HuntCallerId CallerId,
    bool PickupAllowed, string? NoAnswer, HuntMember[] Members, string[] Groups)
{
    /// <summary>
    /// The most lines one group rings, its included groups' counted in (each line once): provisioning refuses a group
    /// that would ring more (<c>ProvisioningValidator</c>, naming the group and field) and the switch rings every one
    /// of up to this many. Why 64: no seed names a figure; a simultaneous group sends all its INVITEs in one burst
    /// from one partition (a transaction, a leg and a ring timer each), and a group that large is a call queue's job
    /// (seed 004 Call Queue), not a ring group's. Provisioning's <c>HuntGroup.MaxLines</c> must stay equal (checked by
    /// a host test).
    /// </summary>
    public const int MaxLines = 64;

    /// <summary>The flow of a call dialed to the group's number: the group, then its no-answer destination.</summary>
    public CompiledFlow? Flow { get; internal set; }
}
