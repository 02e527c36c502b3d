namespace Centrex.Provisioning.Model;

/// <summary>
/// A hunt group (seed 004, Huntgroups): a number of the customer's that rings its members by <see cref="Sequence"/>,
/// then goes to <see cref="NoAnswer"/>. <see cref="Groups"/> are included groups ("Several huntgroups can be combined
/// into one"), whose members ring after this group's own.
/// </summary>
/// <param name="Id">The record's id.</param>
/// <param name="CustomerId">Whose group it is.</param>
/// <param name="Number">"Huntgroup Number": dialed to reach it; never an extension's number.</param>
/// <param name="Name">"Huntgroup Name", shown to members when <see cref="CallerId"/> says so.</param>
/// <param name="Sequence">"Hunt Sequence".</param>
/// <param name="CallerId">"Caller ID".</param>
/// <param name="PickupAllowed">"Call Pickup Allowed".</param>
/// <param name="NoAnswer">Where an unanswered call goes: an extension, a group number or an external number; null: 480.</param>
/// <param name="Members">Its extensions, in order.</param>
/// <param name="Groups">Included groups' numbers.</param>
public sealed record HuntGroup(string Id, string CustomerId, string Number, string Name, HuntSequence Sequence, HuntCallerId CallerId,
    bool PickupAllowed, string? NoAnswer, IReadOnlyList<HuntGroupMember> Members, IReadOnlyList<string> Groups)
{
    /// <summary>
    /// The most extensions a group may ring, its included groups' counted in (each extension once): the switch rings
    /// every one of up to this many (its <c>HuntGroupPlan.MaxLines</c>, kept equal by a host test). No seed names a
    /// figure; a simultaneous group sends all its INVITEs at once from one partition, and a larger team is a call
    /// queue's job (seed 004 Call Queue), not a ring group's.
    /// </summary>
    public const int MaxLines = 64;

    /// <summary>
    /// The most hunt groups one customer keeps (issue 16 review: nothing bounded them, and each change is validated and
    /// reloaded by the switch). No seed names a figure; one per department or team of a business fits well under it.
    /// </summary>
    public const int MaxPerCustomer = 100;
}
