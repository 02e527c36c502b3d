namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "Change suffix/prefix" (seed 003): rewrites the caller number shown by what the flow rings next, so whoever answers
/// sees where the call came from ("by adding several numbers to the phone number, a suffix"): the first
/// <see cref="Strip"/> characters go, then <see cref="Prefix"/> and <see cref="Suffix"/> are added. Decides at once.
/// </summary>
public sealed class ChangeCallerNode : FlowNode
{
    /// <summary>The longest prefix or suffix.</summary>
    public const int MaxAffixLength = 15;

    /// <summary>Characters removed from the front.</summary>
    public int Strip { get; init; }

    /// <summary>Added in front.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Added at the end.</summary>
    public string Suffix { get; init; } = string.Empty;

    /// <summary>The node after it.</summary>
    public required int NextNode { get; init; }

    /// <inheritdoc/>
    public override FlowStep Enter(in FlowContext context) => new(FlowStepKind.ChangeCaller, Next: NextNode, Caller: this);

    /// <summary>The number <paramref name="caller"/> becomes.</summary>
    public string Apply(string caller) => string.Concat(Prefix, caller.AsSpan(Math.Min(Strip, caller.Length)), Suffix);

    /// <summary>Whether <paramref name="text"/> is a valid prefix or suffix: up to 15 digits, <c>*</c> or <c>#</c>, a leading <c>+</c>.</summary>
    public static bool IsAffix(string text) =>
        text.Length <= MaxAffixLength && text.Select((c, i) => char.IsAsciiDigit(c) || c is '*' or '#' || (c == '+' && i == 0)).All(ok => ok);
}
