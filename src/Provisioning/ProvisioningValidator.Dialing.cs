using Centrex.Provisioning.Model;
using Centrex.Rating.Numbering;

namespace Centrex.Provisioning;

/// <summary>
/// Seed 004's Dialing Rules parameters and Abbreviated Dialing's Description and Abbreviated Number Length. Each message
/// names its field (<c>dialing: country_code '0' ...</c>) so a form shows it beside that field.
/// </summary>
public static partial class ProvisioningValidator
{
    /// <summary>Longest description of an abbreviated number.</summary>
    public const int MaxAbbreviatedDescription = 100;

    private static void CheckDialingRules(string where, CustomerDialPlan plan)
    {
        var d = plan.Dialing;
        (string Name, string Value, int Max)[] parts = [("outside_prefix", d.OutsidePrefix, 4), ("international_prefix", d.InternationalPrefix, 4),
            ("national_prefix", d.NationalPrefix, 2), ("country_code", d.CountryCode, 3), ("area_code", d.AreaCode, 5)];
        foreach (var (name, value, max) in parts)
        {
            if (value.Length > max || !value.All(char.IsAsciiDigit))
            {
                throw new ProvisioningException(where, ProvisioningErrors.DialingDigits, $"dialing: {name} '{value}' is not up to {max} digits", name, value, max);
            }
        }

        if (d.CountryCode.StartsWith('0'))
        {
            throw new ProvisioningException(where, ProvisioningErrors.DialingCountryZero, $"dialing: country_code '{d.CountryCode}' starts with 0: a country calling code never does (1, 33, 44)", d.CountryCode);
        }

        foreach (var length in d.LocalLengths.Where(l => l is < 3 or > 12))
        {
            throw new ProvisioningException(where, ProvisioningErrors.DialingLocalLength, $"dialing: local_lengths '{length}' is not a local number's length (3 to 12 digits)", length);
        }

        if (d.LocalLengths.Count > 4 || d.LocalLengths.Distinct().Count() != d.LocalLengths.Count)
        {
            throw new ProvisioningException(where, ProvisioningErrors.DialingLocalLengthsList, $"dialing: local_lengths '{string.Join(", ", d.LocalLengths)}' lists each length once, at most 4 lengths", string.Join(", ", d.LocalLengths));
        }

        if (d.InternationalPrefix.Length > 0 && d.NationalPrefix.Length > 0
            && (d.InternationalPrefix.StartsWith(d.NationalPrefix, StringComparison.Ordinal) || d.NationalPrefix.StartsWith(d.InternationalPrefix, StringComparison.Ordinal)))
        {
            throw new ProvisioningException(where, ProvisioningErrors.DialingPrefixesAlike, $"dialing: national_prefix '{d.NationalPrefix}' and the international prefix '{d.InternationalPrefix}' begin alike: the switch could not tell a national call from an international one", d.NationalPrefix, d.InternationalPrefix);
        }

        if (plan.DialingRules == DialingRules.Enabled)
        {
            if (d.CountryCode.Length == 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.DialingCountryMissing, "dialing: country_code '' is missing: enabled dialing rules put it before national and local numbers");
            }

            if (d.LocalLengths.Count == 0)
            {
                throw new ProvisioningException(where, ProvisioningErrors.DialingLocalLengthsMissing, "dialing: local_lengths '' is missing: give the length of your local numbers (7 for 555-0123, 10 for North American 10-digit dialing)");
            }

            foreach (var length in d.LocalLengths.Where(l => d.CountryCode.Length + d.AreaCode.Length + l > 15))
            {
                throw new ProvisioningException(where, ProvisioningErrors.DialingTooLong, $"dialing: local_lengths '{length}': country code, area code and local number make more than 15 digits (E.164's limit)", length);
            }
        }

        if (d.CustomRule is null && plan.DialingRules == DialingRules.Custom)
        {
            throw new ProvisioningException(where, ProvisioningErrors.DialingCustomRuleMissing, "dialing: custom_rule '' is missing: the Custom Rule option translates numbers with it (e.g. s/^9//)");
        }

        if (d.CustomRule is { } rule && !CustomDialingRule.TryParse(rule, out _, out var problem))
        {
            throw CustomRuleRefusal(where, Cut(rule), problem!);
        }
    }

    private static void CheckAbbreviatedExtras(string where, CustomerDialPlan plan)
    {
        if (plan.AbbreviatedLength is { } wrong && wrong is < 1 or > 15)
        {
            throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedLength, $"abbreviated_length '{wrong}' is not 1 to 15 (the digits your abbreviated numbers have, e.g. 3 for 123)", wrong);
        }

        // Seed 004 calls the length "the maximum length of anticipated digits", but the switch reads a dialed string of
        // exactly that length as an abbreviated code before the dialing rules (DialPlan.RouteFrom): a shorter code is
        // the start of a longer string a phone's digit map would wait for, so every code has exactly that length.
        if (plan.AbbreviatedLength is { } length)
        {
            foreach (var code in plan.AbbreviatedDialing.Keys.Where(c => c.Length != length).Order(StringComparer.Ordinal))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedCodeLength,
                    $"field \"abbreviated_dialing.code\": '{code}' has {code.Length} digits, not the Abbreviated Number Length ({length})", code, code.Length, length);
            }
        }

        // The switch reads a string of that length as a code before the dialing rules: a length that is also how long a
        // local number is dialed (outside prefix and local number, or with the area code) would make local calls codes.
        var d = plan.Dialing;
        if (plan.AbbreviatedLength is { } taken && plan.DialingRules == DialingRules.Enabled
            && d.LocalLengths.Any(l => taken == d.OutsidePrefix.Length + l || (d.AreaCode.Length > 0 && taken == d.OutsidePrefix.Length + d.AreaCode.Length + l)))
        {
            throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedLengthLocal,
                $"abbreviated_length '{taken}' is how many digits a local number is dialed with: the switch would read every such number as an abbreviated code", taken);
        }

        foreach (var (code, description) in plan.AbbreviatedDescriptions)
        {
            if (!plan.AbbreviatedDialing.ContainsKey(code))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedDescriptionOrphan, $"abbreviated_dialing: description '{Cut(description)}' is for \"{code}\", which is not an abbreviated number", Cut(description), code);
            }

            if (description.Length > MaxAbbreviatedDescription || description.Any(char.IsControl))
            {
                throw new ProvisioningException(where, ProvisioningErrors.AbbreviatedDescription, $"abbreviated_dialing: description '{Cut(description)}' of \"{code}\" is longer than {MaxAbbreviatedDescription} characters or has a control character", Cut(description), code, MaxAbbreviatedDescription);
            }
        }
    }

    // A long value is quoted by its start only: an error must not echo a whole oversized input back.
    private static string Cut(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
