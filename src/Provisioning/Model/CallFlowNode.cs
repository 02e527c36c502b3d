namespace Centrex.Provisioning.Model;

/// <summary>
/// One node of a call flow: its id (unique in the flow), its type (a name from <see cref="CallFlowNodeTypes"/>), its
/// settings as text (a number, an extension, office hours...) and its branches (branch name → the id of the next node).
/// Fields are text so a new node type brings new fields without a new column or JSON shape.
/// </summary>
/// <param name="Id">The node's id.</param>
/// <param name="Type">The node type's wire name.</param>
/// <param name="Fields">Its settings.</param>
/// <param name="Branches">Where each outcome goes.</param>
public sealed record CallFlowNode(string Id, string Type, IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> Branches);
