namespace Centrex.Switch.CallFlows;

/// <summary>
/// Builds a customer's hunt groups for the directory: included groups' members follow the group's own (seed 004
/// "Several huntgroups can be combined into one"), each line once, nesting followed to any depth without looping; each
/// group gets the flow of a call dialed to its number. An included group's members are expanded where the group's
/// own end, in the order its "groups" lists them (depth first); a group reached twice (directly or indirectly,
/// including itself) adds nothing the second time, so a cycle that got past provisioning still ends.
/// </summary>
public static class HuntGroups
{
    /// <summary>The groups by number, built.</summary>
    /// <exception cref="ArgumentException">A group would ring more than <see cref="HuntGroupPlan.MaxLines"/> lines.</exception>
    public static Dictionary<string, HuntGroupPlan> Build(IEnumerable<HuntGroupPlan> provisioned, IReadOnlyDictionary<string, string> extensions)
    {
        var raw = provisioned.ToDictionary(g => g.Number, StringComparer.Ordinal);
        var built = new Dictionary<string, HuntGroupPlan>(StringComparer.Ordinal);
        foreach (var group in raw.Values)
        {
            var members = new List<HuntMember>();
            var lines = new HashSet<string>(StringComparer.Ordinal);
            Add(group, raw, members, lines, new HashSet<string>(StringComparer.Ordinal));
            if (members.Count > HuntGroupPlan.MaxLines)
            {
                // Provisioning refuses such a group; a directory built another way must not have its members cut silently.
                throw new ArgumentException(
                    $"hunt group '{group.Number}' of customer '{group.CustomerId}' rings {members.Count} lines with its included groups; at most {HuntGroupPlan.MaxLines}",
                    nameof(provisioned));
            }

            built[group.Number] = group with { Members = [.. members] };
        }

        foreach (var group in built.Values)
        {
            group.Flow = FlowCompiler.ForGroup(group, extensions, n => built.GetValueOrDefault(n));
        }

        return built;
    }

    private static void Add(HuntGroupPlan group, Dictionary<string, HuntGroupPlan> raw, List<HuntMember> members, HashSet<string> lines, HashSet<string> seen)
    {
        if (!seen.Add(group.Number))
        {
            return;
        }

        foreach (var member in group.Members)
        {
            if (lines.Add(member.AccountId))
            {
                members.Add(member);
            }
        }

        foreach (var nested in group.Groups)
        {
            if (raw.TryGetValue(nested, out var inner))
            {
                Add(inner, raw, members, lines, seen);
            }
        }
    }
}
