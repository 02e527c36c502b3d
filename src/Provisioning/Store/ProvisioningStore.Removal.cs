using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Store;

/// <summary>
/// Removing records, which an import cannot do (it merges by id: a record left out of a file stays). The portal's
/// Huntgroups page deletes a group (seed 004: "Delete"); what is left is validated in full like an import, so a group
/// another group includes, or a call flow rings, is refused with the validator's message and nothing changes.
/// </summary>
public sealed partial class ProvisioningStore
{
    /// <summary>Removes the hunt group <paramref name="id"/>; returns the new snapshot.</summary>
    /// <exception cref="ProvisioningException">No such group, or what is left breaks a rule; nothing was changed.</exception>
    public ProvisioningSnapshot RemoveHuntGroup(string id, string source)
    {
        var stored = Load();
        if (stored.HuntGroups.All(g => g.Id != id))
        {
            throw new ProvisioningException($"{source}: hunt_groups (id \"{id}\")", ProvisioningErrors.HuntGroupUnknown, "no such hunt group");
        }

        var left = stored with { HuntGroups = [.. stored.HuntGroups.Where(g => g.Id != id)] };
        ProvisioningValidator.Validate(left, source);
        Write(left);
        return left;
    }
}
