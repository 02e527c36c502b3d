using Centrex.Provisioning.Model;
using NodaTime;

namespace Centrex.Provisioning;

/// <summary>
/// Call flows (seed 003) and hunt groups (seed 004). A flow is refused with the record, node and field named when a
/// node's type is unknown, a branch leads to no node, a field is missing or wrong, or its nodes can loop without ever
/// waiting for anyone (a cycle of instant nodes: time routing, day/night... could never end).
/// </summary>
public static partial class ProvisioningValidator
{
    private static void ValidateHuntGroups(ProvisioningSnapshot s, string source)
    {
        var numbers = new Dictionary<(string, string), string>();
        foreach (var many in s.HuntGroups.GroupBy(g => g.CustomerId, StringComparer.Ordinal).Where(c => c.Count() > HuntGroup.MaxPerCustomer))
        {
            throw new ProvisioningException($"{source}: hunt_groups (id \"{many.Last().Id}\")", ProvisioningErrors.HuntGroupTooMany, $"field \"number\": customer \"{many.Key}\" would have {many.Count()} hunt groups; at most {HuntGroup.MaxPerCustomer}", many.Key, many.Count(), HuntGroup.MaxPerCustomer);
        }

        foreach (var g in s.HuntGroups)
        {
            var where = $"{source}: hunt_groups (id \"{g.Id}\")";
            var extensions = ExtensionsOf(s, g.CustomerId, where);
            // Dialed from a phone's keypad like an extension (seed 004 Huntgroups: "Huntgroup Number"); the portal
            // checked this and import did not, so a group could be stored that no phone can dial.
            if (g.Number.Length is 0 or > 15 || !g.Number.All(char.IsAsciiDigit))
            {
                throw new ProvisioningException(where, ProvisioningErrors.HuntGroupNumberDigits, $"field \"number\": '{g.Number}' is not 1 to 15 digits", g.Number);
            }

            if (!numbers.TryAdd((g.CustomerId, g.Number), g.Id))
            {
                throw new ProvisioningException(where, ProvisioningErrors.HuntGroupNumberTaken, $"field \"number\": '{g.Number}' is already hunt group \"{numbers[(g.CustomerId, g.Number)]}\"", g.Number, numbers[(g.CustomerId, g.Number)]);
            }

            if (extensions.Contains(g.Number))
            {
                throw new ProvisioningException(where, ProvisioningErrors.HuntGroupNumberExtension, $"field \"number\": '{g.Number}' is an extension (\"Extension and huntgroup numbers must be different\", seed 004)", g.Number);
            }

            for (var i = 0; i < g.Members.Count; i++)
            {
                var m = g.Members[i];
                if (!extensions.Contains(m.Extension))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.HuntGroupMemberExtension, $"field \"members[{i}].extension\": '{m.Extension}' is not an extension of customer \"{g.CustomerId}\"", i, m.Extension, g.CustomerId);
                }

                if (m.RingSeconds is < ForwardTarget.MinRingSeconds or > ForwardTarget.MaxRingSeconds)
                {
                    throw new ProvisioningException(where, ProvisioningErrors.HuntGroupMemberRingFor, $"field \"members[{i}].ring_for\": {m.RingSeconds} is not {ForwardTarget.MinRingSeconds} to {ForwardTarget.MaxRingSeconds} seconds", i, m.RingSeconds, ForwardTarget.MinRingSeconds, ForwardTarget.MaxRingSeconds);
                }

                if (m.RingDelaySeconds is < 0 or > ForwardTarget.MaxRingSeconds)
                {
                    throw new ProvisioningException(where, ProvisioningErrors.HuntGroupMemberRingDelay, $"field \"members[{i}].ring_delay\": {m.RingDelaySeconds} is not 0 to {ForwardTarget.MaxRingSeconds} seconds", i, m.RingDelaySeconds, ForwardTarget.MaxRingSeconds);
                }
            }
        }

        foreach (var g in s.HuntGroups)
        {
            var where = $"{source}: hunt_groups (id \"{g.Id}\")";
            // Seed 004: an extension, a group number or an external number (the switch takes anything else for a number
            // out of the trunk): never another customer's line by its id, never an unbounded string.
            if (g.NoAnswer is { Length: > 0 } noAnswer && !numbers.ContainsKey((g.CustomerId, noAnswer))
                && !ExtensionsOf(s, g.CustomerId, where).Contains(noAnswer) && !IsForwardNumber(noAnswer, sipUri: false))
            {
                throw new ProvisioningException(where, ProvisioningErrors.HuntGroupNoAnswer, $"field \"no_answer\": '{Cut(noAnswer)}' is not one of the customer's extensions or hunt groups nor a phone number (+ and 2 to 15 digits)", Cut(noAnswer));
            }

            foreach (var nested in g.Groups)
            {
                if (!numbers.ContainsKey((g.CustomerId, nested)))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.HuntGroupNestedUnknown, $"field \"groups\": '{nested}' is not a hunt group of customer \"{g.CustomerId}\"", nested, g.CustomerId);
                }
            }

            if (CycleFrom(s, g, g.Number, [g.Number], []) is { } cycle)
            {
                // Directly or through other groups: the path names every group of the cycle, so it can be broken anywhere.
                throw new ProvisioningException(where, ProvisioningErrors.HuntGroupIncludesItself, $"field \"groups\": hunt group '{g.Number}' includes itself ({string.Join(" -> ", cycle)})", g.Number, string.Join(" -> ", cycle));
            }

            var lines = new HashSet<string>(StringComparer.Ordinal);
            LinesOf(s, g, lines, []);
            if (lines.Count > HuntGroup.MaxLines)
            {
                // Never cut silently at ring time: the switch rings every line of a group up to this limit.
                var own = g.Members.Select(m => m.Extension).Distinct(StringComparer.Ordinal).Count();
                throw own > HuntGroup.MaxLines
                    ? new ProvisioningException(where, ProvisioningErrors.HuntGroupTooManyMembers, $"field \"members\": {own} extensions; a hunt group rings at most {HuntGroup.MaxLines}", own, HuntGroup.MaxLines)
                    : new ProvisioningException(where, ProvisioningErrors.HuntGroupTooManyLines, $"field \"groups\": {lines.Count} extensions with its included groups; a hunt group rings at most {HuntGroup.MaxLines}", lines.Count, HuntGroup.MaxLines);
            }

            foreach (var (primaryExtension, count) in s.HuntGroups.Where(x => x.CustomerId == g.CustomerId)
                .SelectMany(x => x.Members.Where(m => m.Primary).Select(m => m.Extension)).GroupBy(e => e).Select(x => (x.Key, x.Count())))
            {
                if (count > 1 && g.Members.Any(m => m.Primary && m.Extension == primaryExtension))
                {
                    throw new ProvisioningException(where, ProvisioningErrors.HuntGroupTwoPrimaries, $"field \"members\": extension '{primaryExtension}' has more than one primary group", primaryExtension);
                }
            }
        }
    }

    /// <summary>The groups from <paramref name="group"/> back to <paramref name="start"/> when it includes it at any depth; else null.</summary>
    private static List<string>? CycleFrom(ProvisioningSnapshot s, HuntGroup group, string start, List<string> path, HashSet<string> seen)
    {
        foreach (var nested in group.Groups)
        {
            if (nested == start)
            {
                return [.. path, nested];
            }

            if (seen.Add(nested) && s.HuntGroups.FirstOrDefault(x => x.CustomerId == group.CustomerId && x.Number == nested) is { } inner
                && CycleFrom(s, inner, start, [.. path, nested], seen) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>The extensions a call to <paramref name="group"/> rings: its own, then its included groups' (as the switch builds it).</summary>
    private static void LinesOf(ProvisioningSnapshot s, HuntGroup group, HashSet<string> lines, HashSet<string> seen)
    {
        if (!seen.Add(group.Number))
        {
            return;
        }

        foreach (var member in group.Members)
        {
            lines.Add(member.Extension);
        }

        foreach (var nested in group.Groups)
        {
            if (s.HuntGroups.FirstOrDefault(x => x.CustomerId == group.CustomerId && x.Number == nested) is { } inner)
            {
                LinesOf(s, inner, lines, seen);
            }
        }
    }

    private static HashSet<string> ExtensionsOf(ProvisioningSnapshot s, string customer, string where)
    {
        if (!s.Customers.Any(c => c.Id == customer))
        {
            throw new ProvisioningException($"{where}: field \"customer\": customer \"{customer}\" does not exist");
        }

        return s.Accounts.Where(a => a.CustomerId == customer && a.Extension is not null).Select(a => a.Extension!).ToHashSet(StringComparer.Ordinal);
    }

    private static void ValidateCallFlows(ProvisioningSnapshot s, string source)
    {
        var attached = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in s.CallFlows)
        {
            var where = $"{source}: call_flows (id \"{f.Id}\")";
            var extensions = ExtensionsOf(s, f.CustomerId, where);
            var dids = s.Accounts.Where(a => a.CustomerId == f.CustomerId).SelectMany(a => a.Dids).ToHashSet(StringComparer.Ordinal);
            var groups = s.HuntGroups.Where(g => g.CustomerId == f.CustomerId).Select(g => g.Number).ToHashSet(StringComparer.Ordinal);
            if (f.Numbers.Count == 0)
            {
                throw new ProvisioningException($"{where}: field \"numbers\": a flow answers at least one DID or extension");
            }

            foreach (var number in f.Numbers)
            {
                if (!dids.Contains(number) && !extensions.Contains(number))
                {
                    throw new ProvisioningException($"{where}: field \"numbers\": '{number}' is not a DID or extension of customer \"{f.CustomerId}\"");
                }

                if (!attached.TryAdd(f.CustomerId + "/" + number, f.Id))
                {
                    throw new ProvisioningException($"{where}: field \"numbers\": '{number}' already has call flow \"{attached[f.CustomerId + "/" + number]}\"");
                }
            }

            ValidateNodes(f, where, extensions, groups);
        }
    }

    private static void ValidateNodes(CallFlow f, string where, HashSet<string> extensions, HashSet<string> groups)
    {
        if (f.Nodes.Count > CallFlow.MaxNodes)
        {
            throw new ProvisioningException($"{where}: field \"nodes\": at most {CallFlow.MaxNodes} nodes");
        }

        var ids = new Dictionary<string, CallFlowNode>(StringComparer.Ordinal);
        foreach (var n in f.Nodes)
        {
            if (!ids.TryAdd(n.Id, n))
            {
                throw new ProvisioningException($"{where}, node \"{n.Id}\": field \"id\": duplicate node id");
            }
        }

        var entries = f.Nodes.Count(n => n.Type == "my-numbers");
        if (entries != 1)
        {
            throw new ProvisioningException($"{where}: field \"nodes\": a flow has exactly one my-numbers node (its entry), not {entries}");
        }

        foreach (var n in f.Nodes)
        {
            var at = $"{where}, node \"{n.Id}\"";
            if (!CallFlowNodeTypes.All.TryGetValue(n.Type, out var type))
            {
                throw new ProvisioningException($"{at}: field \"type\": unknown node type '{n.Type}' (one of {string.Join(", ", CallFlowNodeTypes.All.Keys)})");
            }

            foreach (var field in type.Required.Where(r => !n.Fields.ContainsKey(r)))
            {
                throw new ProvisioningException($"{at}: field \"fields.{field}\": a {n.Type} node needs it");
            }

            foreach (var field in n.Fields.Keys.Where(k => !type.Required.Contains(k) && !type.Optional.Contains(k)))
            {
                throw new ProvisioningException($"{at}: field \"fields.{field}\": a {n.Type} node has no such field");
            }

            foreach (var (branch, target) in n.Branches)
            {
                if (!type.Branches.Contains(branch))
                {
                    throw new ProvisioningException($"{at}: field \"branches.{branch}\": a {n.Type} node has branches {string.Join(", ", type.Branches)}");
                }

                if (!ids.ContainsKey(target))
                {
                    throw new ProvisioningException($"{at}: field \"branches.{branch}\": no node \"{target}\" in the flow (a dangling branch)");
                }
            }

            foreach (var branch in type.RequiredBranches.Where(b => !n.Branches.ContainsKey(b)))
            {
                throw new ProvisioningException($"{at}: field \"branches.{branch}\": a {n.Type} node needs it");
            }

            ValidateFields(n, at, extensions, groups);
        }

        // A cycle through instant nodes only would spin forever in call control: refused, its nodes named.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in f.Nodes)
        {
            if (FindInstantCycle(n, ids, state, []) is { } cycle)
            {
                throw new ProvisioningException($"{where}, node \"{cycle[0]}\": field \"branches\": the nodes {string.Join(" -> ", cycle)} -> {cycle[0]} loop without ever ringing anyone (a cycle that cannot end)");
            }
        }
    }

    private static List<string>? FindInstantCycle(CallFlowNode node, Dictionary<string, CallFlowNode> ids, Dictionary<string, int> state, List<string> path)
    {
        if (!CallFlowNodeTypes.All[node.Type].Instant)
        {
            return null; // a node that waits for someone ends the loop's spinning: the caller or the timers end the call
        }

        if (state.TryGetValue(node.Id, out var s))
        {
            return s == 1 ? path[path.IndexOf(node.Id)..] : null;
        }

        state[node.Id] = 1;
        path.Add(node.Id);
        foreach (var target in node.Branches.Values.Order(StringComparer.Ordinal))
        {
            if (FindInstantCycle(ids[target], ids, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node.Id] = 2;
        return null;
    }

    private static void ValidateFields(CallFlowNode n, string at, HashSet<string> extensions, HashSet<string> groups)
    {
        foreach (var (field, value) in n.Fields)
        {
            var error = (n.Type, field) switch
            {
                (_, "extension") when !extensions.Contains(value) => $"'{value}' is not an extension of the flow's customer",
                (_, "group") when !groups.Contains(value) => $"'{value}' is not a hunt group of the flow's customer",
                (_, "number") when !IsForwardNumber(value, sipUri: false) => $"'{value}' is not a phone number (+ and 2 to 15 digits)",
                (_, "ring_for") when !int.TryParse(value, out var seconds) || seconds is < ForwardTarget.MinRingSeconds or > ForwardTarget.MaxRingSeconds
                    => $"'{value}' is not {ForwardTarget.MinRingSeconds} to {ForwardTarget.MaxRingSeconds} seconds",
                (_, "hours") => OfficeHours.TryParse(value, out var why) is null ? why : null,
                (_, "holidays") => OfficeHours.TryParseHolidays(value, out var why) is null ? why : null,
                (_, "time_zone") when DateTimeZoneProviders.Tzdb.GetZoneOrNull(value) is null => $"'{value}' is not an IANA time zone",
                (_, "url") => CallFlowFields.UrlError(value),
                (_, "timeout") when !int.TryParse(value, out var seconds) || seconds is < 1 or > CallFlowFields.MaxTimeoutSeconds
                    => $"'{value}' is not 1 to {CallFlowFields.MaxTimeoutSeconds} seconds",
                (_, "field") when value.Length is 0 or > 64 => $"'{value}' is not a JSON field name (1 to 64 characters)",
                (_, "strip") when !int.TryParse(value, out var digits) || digits is < 0 or > CallFlowFields.MaxAffixLength
                    => $"'{value}' is not 0 to {CallFlowFields.MaxAffixLength} characters",
                (_, "prefix" or "suffix") when !CallFlowFields.IsAffix(value) => $"'{value}' is not up to {CallFlowFields.MaxAffixLength} digits, * or # (+ first)",
                (_, "to") when !CallFlowFields.IsEmail(value) => $"'{value}' is not an email address",
                (_, "subject") when value.Length > 200 || value.Any(char.IsControl) => "a subject is one line of at most 200 characters",
                (_, "days") when !int.TryParse(value, out var days) || days is < 1 or > CallFlowFields.MaxHistoryDays => $"'{value}' is not 1 to {CallFlowFields.MaxHistoryDays} days",
                _ => null,
            };
            if (error is not null)
            {
                throw new ProvisioningException($"{at}: field \"fields.{field}\": {error}");
            }
        }
    }
}
