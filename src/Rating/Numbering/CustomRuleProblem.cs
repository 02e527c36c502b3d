using System.Globalization;
using System.Text.RegularExpressions;

namespace Centrex.Rating.Numbering;

/// <summary>
/// What is wrong with a custom dialing rule (<see cref="CustomDialingRule.TryParse(string, out CustomDialingRule?, out CustomRuleProblem?)"/>):
/// the <see cref="Fault"/>, its English <see cref="Format"/> with the <see cref="Arguments"/> it is made of, so provisioning
/// can give the refusal a code and the portal word it in the login's language (issue 16), and for a pattern the
/// regular expression engine refused, the <see cref="Cause"/>.
/// </summary>
/// <param name="Fault">Which check the rule failed.</param>
/// <param name="Format">The English text, a composite format of <paramref name="Arguments"/>.</param>
/// <param name="Arguments">The values of the text.</param>
/// <param name="Cause">For <see cref="CustomRuleFault.Pattern"/>: the engine's exception (a <see cref="RegexParseException"/>
/// for a syntax error, a <see cref="NotSupportedException"/> for a construct run without backtracking cannot run).</param>
public sealed record CustomRuleProblem(CustomRuleFault Fault, string Format, IReadOnlyList<object> Arguments, Exception? Cause = null)
{
    /// <summary>The English text, as the rule's refusal has always said it.</summary>
    public string Text => string.Format(CultureInfo.InvariantCulture, Format, [.. Arguments]);
}
