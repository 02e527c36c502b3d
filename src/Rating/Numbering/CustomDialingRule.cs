using System.Text.RegularExpressions;

namespace Centrex.Rating.Numbering;

/// <summary>
/// Seed 004, Dialing Rules: "You may change or type in your own number translation rules instead if you select the
/// Custom Rule option." A custom rule is one or more substitutions in the form PortaSIP's translation rules take,
/// <c>s/PATTERN/REPLACEMENT/</c>, separated by <c>;</c> and applied in order to the number as dialed (each replaces its
/// pattern's first match, when it matches); what remains must be an E.164 number. Patterns are .NET regular expressions
/// run without backtracking (<see cref="RegexOptions.NonBacktracking"/>: linear in the number's length, so a customer's
/// rule cannot stall the switch); a replacement is digits, <c>+</c> and the groups <c>$1</c> to <c>$9</c>.
/// </summary>
public sealed class CustomDialingRule
{
    /// <summary>Most substitutions in one rule.</summary>
    public const int MaxSubstitutions = 8;

    /// <summary>Longest rule text.</summary>
    public const int MaxLength = 500;

    private readonly (Regex Pattern, string Replacement)[] _substitutions;

    private CustomDialingRule(string text, (Regex, string)[] substitutions) => (Text, _substitutions) = (text, substitutions);

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    /// <summary>Reads <paramref name="text"/>; on failure, <paramref name="problem"/> says what is wrong with it.</summary>
    public static bool TryParse(string text, out CustomDialingRule? rule, out CustomRuleProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        (rule, problem) = (null, null);
        if (text.Trim().Length == 0 || text.Length > MaxLength)
        {
            problem = new(CustomRuleFault.Length, "is empty or longer than {0} characters", [MaxLength]);
            return false;
        }

        var parts = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > MaxSubstitutions)
        {
            problem = new(CustomRuleFault.Count, "has {0} substitutions, at most {1}", [parts.Length, MaxSubstitutions]);
            return false;
        }

        var substitutions = new List<(Regex, string)>();
        foreach (var part in parts)
        {
            // s/PATTERN/REPLACEMENT/: the pattern may not hold a '/' (numbers have none).
            var pieces = part.Split('/');
            if (pieces.Length != 4 || pieces[0] != "s" || pieces[1].Length == 0 || pieces[3].Length != 0)
            {
                problem = new(CustomRuleFault.Form, "'{0}' is not s/PATTERN/REPLACEMENT/ (e.g. s/^9//)", [part]);
                return false;
            }

            if (!IsReplacement(pieces[2]))
            {
                problem = new(CustomRuleFault.Replacement, "'{0}': the replacement '{1}' may hold only digits, + and $1 to $9", [part, pieces[2]]);
                return false;
            }

            try
            {
                substitutions.Add((new Regex(pieces[1], RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), pieces[2]));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                problem = new(CustomRuleFault.Pattern, "'{0}': the pattern is not a regular expression this switch runs ({1})", [part, e.Message], e);
                return false;
            }
        }

        rule = new CustomDialingRule(text, [.. substitutions]);
        return true;
    }

    /// <summary>The number after every substitution, as text (the caller checks it is E.164).</summary>
    public string Apply(string dialed)
    {
        var number = dialed;
        foreach (var (pattern, replacement) in _substitutions)
        {
            try
            {
                number = pattern.Replace(number, replacement, 1);
            }
            catch (RegexMatchTimeoutException)
            {
                return string.Empty; // not a number: the call is refused rather than the switch held up
            }
        }

        return number;
    }

    private static bool IsReplacement(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiDigit(ch) || ch == '+')
            {
                continue;
            }

            if (ch == '$' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}
