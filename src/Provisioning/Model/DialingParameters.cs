namespace Centrex.Provisioning.Model;

/// <summary>
/// The parameters of a customer's Dialing Rules (seed 004, "Dialing Rules": "an international dialing prefix or area
/// code ... You may change or type in your own number translation rules instead if you select the Custom Rule option"):
/// used when <see cref="DialingRules.Enabled"/> (the prefixes, codes and lengths) or <see cref="DialingRules.Custom"/>
/// (<see cref="CustomRule"/>). Provisioning's JSON <c>dialing</c> object; an empty text means "none".
/// </summary>
/// <param name="OutsidePrefix">Dialed before every outside number ("9 for an outside line"), or empty.</param>
/// <param name="InternationalPrefix">Before an E.164 number (011 in North America, 00 in most other countries), or empty.</param>
/// <param name="NationalPrefix">The trunk prefix before an area code (1 in North America, 0 in most of Europe), or empty.</param>
/// <param name="CountryCode">The customer's country calling code (1, 33, 44).</param>
/// <param name="AreaCode">The area code local numbers are in, or empty (every number dialed with its area code).</param>
/// <param name="LocalLengths">The lengths of local numbers (7 for 555-0123 dialing, 10 for North American 10-digit dialing).</param>
/// <param name="CustomRule">The Custom Rule: <c>s/PATTERN/REPLACEMENT/</c> substitutions separated by <c>;</c>, or null.</param>
public sealed record DialingParameters(string OutsidePrefix, string InternationalPrefix, string NationalPrefix, string CountryCode, string AreaCode,
    IReadOnlyList<int> LocalLengths, string? CustomRule)
{
    /// <summary>No parameters: what disabled and North American dialing rules have.</summary>
    public static DialingParameters None { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, [], null);

    /// <summary>Whether every parameter is empty.</summary>
    public bool IsNone => OutsidePrefix.Length == 0 && InternationalPrefix.Length == 0 && NationalPrefix.Length == 0 && CountryCode.Length == 0
        && AreaCode.Length == 0 && LocalLengths.Count == 0 && CustomRule is null;
}
