namespace Centrex.Switch.CallFlows;

/// <summary>What a node factory may look up while a flow compiles: node indexes, the customer's extensions and groups.</summary>
public sealed class FlowCompileContext
{
    private readonly Dictionary<string, int> _indexes;

    internal FlowCompileContext(string flowId, Dictionary<string, int> indexes, IReadOnlyDictionary<string, string> extensions, Func<string, HuntGroupPlan?> groups)
    {
        FlowId = flowId;
        _indexes = indexes;
        Extensions = extensions;
        Groups = groups;
    }

    /// <summary>The flow being compiled.</summary>
    public string FlowId { get; }

    /// <summary>The customer's extensions (number → account id).</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; }

    /// <summary>The customer's hunt groups by number.</summary>
    public Func<string, HuntGroupPlan?> Groups { get; }

    /// <summary>The index of the node <paramref name="node"/>'s <paramref name="branch"/> leads to; -1 when it has none.</summary>
    public int Branch(FlowNodeDefinition node, string branch) =>
        !node.Branches.TryGetValue(branch, out var target) ? -1
        : _indexes.TryGetValue(target, out var index) ? index : throw Error(node, $"branches.{branch}", $"no node \"{target}\"");

    /// <summary>A required field.</summary>
    public string Field(FlowNodeDefinition node, string name) =>
        node.Fields.TryGetValue(name, out var value) ? value : throw Error(node, "fields." + name, "missing");

    /// <summary>An optional whole-seconds field; 0 when absent.</summary>
    public int Seconds(FlowNodeDefinition node, string name) =>
        !node.Fields.TryGetValue(name, out var text) ? 0 : int.TryParse(text, out var s) && s > 0 ? s : throw Error(node, "fields." + name, $"'{text}' is not whole seconds");

    /// <summary>The account of the extension in field <paramref name="name"/>.</summary>
    public string Account(FlowNodeDefinition node, string name)
    {
        var extension = Field(node, name);
        return Extensions.TryGetValue(extension, out var account) ? account : throw Error(node, "fields." + name, $"'{extension}' is not an extension of the customer");
    }

    /// <summary>A compile error naming the flow, node and field.</summary>
    public FormatException Error(FlowNodeDefinition node, string field, string message) =>
        new($"call flow \"{FlowId}\", node \"{node.Id}\": field \"{field}\": {message}");
}
