namespace Centrex.Switch.CallFlows;

/// <summary>
/// Builds a customer's hunt groups for the directory: included groups' members follow the group's own (seed 004
/// "Several huntgroups can be combined into one"), each line once, nesting followed to any depth without looping; each
/// group gets the flow of a call dialed to its number.
/// </summary>
public static class HuntGroups
{
    /// <summary>The groups by number, built.</summary>
    public static Dictionary<string, HuntGroupPlan> Build(IEnumerable<HuntGroupPlan> provisioned, IReadOnlyDictionary<string, string> extensions)
    {
        var raw = provisioned.ToDictionary(g => g.Number, StringComparer.Ordinal);
        var built = new Dictionary<string, HuntGroupPlan>(StringComparer.Ordinal);
        foreach (var group in raw.Values)
        {
            var members = new List<HuntMember>();
            var lines = new HashSet<string>(StringComparer.Ordinal);
            Add(group, raw, members, lines, new HashSet<string>(StringComparer.Ordinal));
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
