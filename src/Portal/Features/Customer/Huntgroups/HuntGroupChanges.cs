using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Huntgroups;

/// <summary>
/// The customer's hunt groups (seed 004, IP Centrex › Huntgroups): created, changed and deleted through provisioning's
/// reading and validation like <c>provision import</c> (a number that is an extension, a member that is not one, a
/// second primary group...), always the session's customer's: a group is found through <see cref="CustomerScope"/>
/// first, so another customer's group is not found (null) before anything is built.
/// </summary>
public sealed class HuntGroupChanges(CustomerScope scope, ProvisioningChanges changes, PortalData data, IHttpContextAccessor http)
{
    private string Source => $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>The customer's groups, by number.</summary>
    public IReadOnlyList<HuntGroup> Groups => scope.HuntGroups;

    /// <summary>The group when it is the customer's; else null.</summary>
    public HuntGroup? Find(string id) => scope.HuntGroup(id);

    /// <summary>The customer's lines with an extension (what a group's members are), by extension.</summary>
    public IReadOnlyList<Account> Extensions => [.. scope.View.Accounts.Where(a => a.Extension is not null).OrderBy(a => a.Extension, StringComparer.Ordinal)];

    /// <summary>Creates a group with <paramref name="settings"/>, <paramref name="members"/> and included <paramref name="groups"/> (none: added later); its id when done.</summary>
    public (ProvisioningChanges.Result Result, string? Id) Create(HuntGroupSettings settings, IDictionary<string, string> errors, IReadOnlyList<HuntGroupMember>? members = null,
        IReadOnlyList<string>? groups = null)
    {
        // Record ids are unique across all customers (import merges by id): a new random one, never one in use.
        var taken = data.Provisioning.Current.Snapshot.HuntGroups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        string id;
        do
        {
            id = "hg-" + Guid.NewGuid().ToString("N")[..10];
        }
        while (taken.Contains(id));

        var empty = new HuntGroup(id, scope.CustomerId, string.Empty, string.Empty, HuntSequence.Order, HuntCallerId.Keep, false, null, [], []);
        if (settings.ApplyTo(empty, errors) is not { } group)
        {
            return (Refused, null);
        }

        var result = changes.AsImported(Source, current => WithMembers(current, group with { Groups = groups ?? [] }, members ?? []));
        return (result, result.Done ? id : null);
    }

    /// <summary>Changes the group's own settings (its members stay); null when it is not the customer's.</summary>
    public ProvisioningChanges.Result? Update(string id, HuntGroupSettings settings, IDictionary<string, string> errors) => Change(id, errors, _ => settings);

    /// <summary>
    /// Replaces the group's members with what <paramref name="members"/> makes of the stored ones. An extension made
    /// primary here stops being primary in its other groups (seed 004: the primary group is the one group an extension
    /// picks up in with the prefix alone); null when not the customer's.
    /// </summary>
    public ProvisioningChanges.Result? SetMembers(string id, Func<IReadOnlyList<HuntGroupMember>, IReadOnlyList<HuntGroupMember>> members) =>
        Change(id, new Dictionary<string, string>(), members: members);

    /// <summary>
    /// Replaces the groups the group includes (seed 004: "Several huntgroups can be combined into one"; their members ring
    /// after the group's own), by number, with what <paramref name="groups"/> makes of the stored ones. Import's checks
    /// apply: each must be a group of the customer's, and no group may end up including itself; null when the group is
    /// not the customer's.
    /// </summary>
    public ProvisioningChanges.Result? SetGroups(string id, Func<IReadOnlyList<string>, IReadOnlyList<string>> groups) =>
        Change(id, new Dictionary<string, string>(), groups: groups);

    /// <summary>
    /// Changes the group's settings (made from the stored group; null: kept), members and included groups (made from the stored ones; null: kept) in
    /// one change, all or nothing (a PUT refused for a member had changed the name already when each was its own
    /// change), on the group as stored when the change runs (a change made meanwhile stays); null when it is not the
    /// customer's, <see cref="Refused"/> with <paramref name="errors"/> when the settings are.
    /// </summary>
    public ProvisioningChanges.Result? Change(string id, IDictionary<string, string> errors, Func<HuntGroup, HuntGroupSettings>? settings = null,
        Func<IReadOnlyList<HuntGroupMember>, IReadOnlyList<HuntGroupMember>>? members = null, Func<IReadOnlyList<string>, IReadOnlyList<string>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Find(id) is null)
        {
            return null;
        }

        var found = true;
        var result = changes.AsImported(Source, current =>
        {
            if (current.Snapshot.HuntGroups.FirstOrDefault(g => g.Id == id && g.CustomerId == scope.CustomerId) is not { } now)
            {
                found = false;
                return null;
            }

            if ((settings is null ? now : settings(now).ApplyTo(now, errors)) is not { } changed)
            {
                return null;
            }

            changed = groups is null ? changed : changed with { Groups = groups(now.Groups) };
            return members is null ? ProvisioningSnapshot.Empty with { HuntGroups = [changed] } : WithMembers(current, changed, members(now.Members));
        });
        return found ? result : null;
    }

    /// <summary>Deletes the group; null when it is not the customer's.</summary>
    public ProvisioningChanges.Result? Delete(string id) => Find(id) is null ? null : changes.RemoveHuntGroup(Source, id);

    /// <summary>A refusal whose reasons are in the form's errors already.</summary>
    public static ProvisioningChanges.Result Refused => ProvisioningChanges.Result.Refused;

    // The group with its members, and the customer's other groups (as stored) that lose an extension made primary here, in one change.
    private ProvisioningSnapshot WithMembers(ProvisioningIndex current, HuntGroup group, IReadOnlyList<HuntGroupMember> members)
    {
        var primaries = members.Where(m => m.Primary).Select(m => m.Extension).ToHashSet(StringComparer.Ordinal);
        var others = current.Snapshot.HuntGroups
            .Where(g => g.CustomerId == scope.CustomerId && g.Id != group.Id && g.Members.Any(m => m.Primary && primaries.Contains(m.Extension)))
            .Select(g => g with { Members = [.. g.Members.Select(m => m.Primary && primaries.Contains(m.Extension) ? m with { Primary = false } : m)] });
        return ProvisioningSnapshot.Empty with { HuntGroups = [group with { Members = members }, .. others] };
    }
}
