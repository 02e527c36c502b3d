namespace Centrex.Provisioning.Model;

/// <summary>A customer's dial plan (seed 004, "IP Centrex"); its extensions are on its accounts.</summary>
/// <param name="DialingRules">How dialed numbers become E.164.</param>
/// <param name="Trunk">The trunk its calls to the public network leave by, or null (they cannot leave).</param>
/// <param name="AbbreviatedDialing">
/// Abbreviated number → what it dials (an extension, an account id or an E.164 number; empty: dial it as is, e.g. 911).
/// </param>
public sealed record CustomerDialPlan(DialingRules DialingRules, string? Trunk, IReadOnlyDictionary<string, string> AbbreviatedDialing)
{
    /// <summary>E.164 dialing, no trunk, no abbreviations: what a customer without switch settings has.</summary>
    public static CustomerDialPlan None { get; } = new(DialingRules.E164, null, new Dictionary<string, string>());

    /// <summary>
    /// The most abbreviated numbers a customer keeps (issue 16 review: nothing bounded them). Seed 004 names no figure; a
    /// speed-dial table of a few dozen is usual, and every one is validated and loaded by the switch on each change.
    /// </summary>
    public const int MaxAbbreviated = 200;

    /// <summary>The longest "# to dial": an account id, an extension or an E.164 number all fit.</summary>
    public const int MaxDialLength = 64;

    /// <summary>Its feature prefixes and options (pickup, park, release, paging, distinctive ring).</summary>
    public CustomerFeatures Features { get; init; } = CustomerFeatures.Default;

    /// <summary>The dialing rules' parameters (seed 004): used when <see cref="DialingRules"/> is Enabled or Custom.</summary>
    public DialingParameters Dialing { get; init; } = DialingParameters.None;

    /// <summary>
    /// Seed 004's "Abbreviated Number Length": "the maximum length of anticipated digits (e.g. 3 in the case of 123-like
    /// numbers)"; null: not set (no limit but the dial plan's 15).
    /// </summary>
    public int? AbbreviatedLength { get; init; }

    /// <summary>Seed 004's Description column of Abbreviated Dialing ("Andrew's IP phone"), by abbreviated number; absent: none.</summary>
    public IReadOnlyDictionary<string, string> AbbreviatedDescriptions { get; init; } = new Dictionary<string, string>();
}
