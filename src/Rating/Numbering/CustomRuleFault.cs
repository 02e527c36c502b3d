namespace Centrex.Rating.Numbering;

/// <summary>Which check a custom dialing rule failed (<see cref="CustomRuleProblem"/>).</summary>
public enum CustomRuleFault
{
    /// <summary>Empty, or longer than <see cref="CustomDialingRule.MaxLength"/>.</summary>
    Length,

    /// <summary>More than <see cref="CustomDialingRule.MaxSubstitutions"/> substitutions.</summary>
    Count,

    /// <summary>A substitution not written s/PATTERN/REPLACEMENT/.</summary>
    Form,

    /// <summary>A replacement with something else than digits, + and $1 to $9.</summary>
    Replacement,

    /// <summary>A pattern the regular expression engine refuses.</summary>
    Pattern,
}
