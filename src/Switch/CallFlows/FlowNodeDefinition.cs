namespace Centrex.Switch.CallFlows;

/// <summary>
/// One node of a call flow as provisioning gives it (seed 003): id, type name, settings as text, branches (branch name
/// → node id). The host builds these from the provisioning store; <see cref="FlowCompiler"/> turns them into nodes.
/// </summary>
/// <param name="Id">The node's id, unique in its flow.</param>
/// <param name="Type">Its type name (<c>my-numbers</c>, <c>call-to-sip</c>, ...).</param>
/// <param name="Fields">Its settings.</param>
/// <param name="Branches">Where each outcome goes.</param>
public sealed record FlowNodeDefinition(string Id, string Type, IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> Branches);
