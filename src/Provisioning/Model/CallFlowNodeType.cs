namespace Centrex.Provisioning.Model;

/// <summary>
/// What provisioning knows of a node type: the fields it needs and may take, the branches it may have (and must), and
/// whether it decides at once (<see cref="Instant"/>: a cycle made only of such nodes could never end, seed 003).
/// </summary>
/// <param name="Name">The wire name.</param>
/// <param name="Required">Fields it must have.</param>
/// <param name="Optional">Fields it may have.</param>
/// <param name="Branches">Branches it may have.</param>
/// <param name="RequiredBranches">Branches it must have.</param>
/// <param name="Instant">Whether it decides without waiting for anyone (no ringing, no caller input).</param>
public sealed record CallFlowNodeType(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional,
    IReadOnlyList<string> Branches, IReadOnlyList<string> RequiredBranches, bool Instant);
