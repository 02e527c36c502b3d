using Centrex.Switch.CallFlows.Nodes;

namespace Centrex.Switch.CallFlows;

/// <summary>
/// Compiles a flow's definition once, when the directory is built (live provisioning builds a new one), so a call only
/// walks finished nodes. A hunt-group node without a <c>no-answer</c> branch goes on to the group's own no-answer
/// destination (seed 004), added as one more node.
/// </summary>
public static class FlowCompiler
{
    /// <summary>The flow of <paramref name="definition"/> for a customer with <paramref name="extensions"/> and <paramref name="groups"/>.</summary>
    /// <exception cref="FormatException">A node is wrong; the message names the flow, node and field.</exception>
    public static CompiledFlow Compile(FlowDefinition definition, IReadOnlyDictionary<string, string> extensions, Func<string, HuntGroupPlan?> groups)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            indexes[definition.Nodes[i].Id] = i;
        }

        var context = new FlowCompileContext(definition.Id, indexes, extensions, groups);
        var nodes = new List<FlowNode>();
        var entry = -1;
        foreach (var node in definition.Nodes)
        {
            if (!FlowNodeTypes.All.TryGetValue(node.Type, out var factory))
            {
                throw context.Error(node, "type", $"unknown node type '{node.Type}'");
            }

            entry = node.Type == "my-numbers" ? nodes.Count : entry;
            nodes.Add(factory(node, context));
        }

        if (entry < 0)
        {
            throw new FormatException($"call flow \"{definition.Id}\": no my-numbers node to enter by");
        }

        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            if (nodes[i] is HuntGroupNode { NoAnswer: < 0, Group.NoAnswer: { } destination } hunt)
            {
                nodes[i] = new HuntGroupNode { Id = hunt.Id, Group = hunt.Group, NoAnswer = nodes.Count };
                nodes.Add(Destination(hunt.Group, destination, extensions, groups));
            }
        }

        return new CompiledFlow(definition.Id, [.. nodes], entry);
    }

    /// <summary>The flow of a call dialed to a group's number: the group, then its no-answer destination.</summary>
    public static CompiledFlow ForGroup(HuntGroupPlan group, IReadOnlyDictionary<string, string> extensions, Func<string, HuntGroupPlan?> groups)
    {
        var nodes = new List<FlowNode> { new EntryNode { Id = "entry", NextNode = 1 } };
        nodes.Add(new HuntGroupNode { Id = "group", Group = group, NoAnswer = group.NoAnswer is null ? -1 : 2 });
        if (group.NoAnswer is { } destination)
        {
            nodes.Add(Destination(group, destination, extensions, groups));
        }

        return new CompiledFlow("group " + group.Number, [.. nodes], 0);
    }

    /// <summary>An extension, another group (whose own destination is not followed: no loops) or an external number.</summary>
    private static FlowNode Destination(HuntGroupPlan group, string destination, IReadOnlyDictionary<string, string> extensions, Func<string, HuntGroupPlan?> groups) =>
        extensions.TryGetValue(destination, out var account) ? new CallToSipNode { Id = "no-answer", AccountId = account }
        : groups(destination) is { } other && other != group ? new HuntGroupNode { Id = "no-answer", Group = other }
        : new CallToPhoneNode { Id = "no-answer", Number = destination.TrimStart('+') };
}
