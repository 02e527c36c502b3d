using System.Text.RegularExpressions;
using Centrex.Rating.Numbering;

namespace Centrex.Provisioning;

/// <summary>Seed 004's Custom Rule option: a rule that does not parse, refused with a code for each way it fails.</summary>
public static partial class ProvisioningValidator
{
    private const string RegexPhrasePrefix = "phrase.regex.";

    /// <summary>
    /// The key of the phrase of each error the regular expression parser names (<c>phrase.regex.NAME</c>), and of a
    /// construct that matching without backtracking cannot run (<c>phrase.regex.unsupported</c>).
    /// </summary>
    public static IReadOnlyList<string> RegexPhraseKeys =>
        [.. Enum.GetNames<RegexParseError>().Select(n => RegexPhrasePrefix + n), RegexPhrasePrefix + "unsupported"];

    // The message is "dialing: custom_rule 'RULE' " and the problem's own text, as it always was: the rule (cut) is the
    // first value, the problem's values follow; the engine's message (English, from .NET) is a phrase keyed by its error.
    private static ProvisioningException CustomRuleRefusal(string where, string rule, CustomRuleProblem problem)
    {
        var code = problem.Fault switch
        {
            CustomRuleFault.Length => ProvisioningErrors.DialingCustomRuleLength,
            CustomRuleFault.Count => ProvisioningErrors.DialingCustomRuleCount,
            CustomRuleFault.Form => ProvisioningErrors.DialingCustomRuleForm,
            CustomRuleFault.Replacement => ProvisioningErrors.DialingCustomRuleReplacement,
            _ => ProvisioningErrors.DialingCustomRulePattern,
        };
        object[] values = problem.Fault == CustomRuleFault.Pattern
            ? [rule, problem.Arguments[0], new RefusalPhrase(RegexPhrasePrefix + (problem.Cause is RegexParseException e ? e.Error.ToString() : "unsupported"), (string)problem.Arguments[1])]
            : [rule, .. problem.Arguments];
        return new ProvisioningException(where, code, $"dialing: custom_rule '{rule}' {problem.Text}", values);
    }
}
