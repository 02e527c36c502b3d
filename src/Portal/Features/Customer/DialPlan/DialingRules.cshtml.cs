using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Numbering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// Dialing Rules (seed 004: "By default, Dialing Rules are disabled ... If Dialing Rules are enabled, this will allow
/// you to choose various dial plan parameters such as an international dialing prefix or area code. You may change or
/// type in your own number translation rules instead if you select the Custom Rule option"; the sample "North America,
/// 10 digit dialing"): the choice and the parameters, saved through provisioning's validation (its message beside the
/// field it names), with examples of what the saved rules make of dialed numbers ("Confirm that you have described the
/// numbering format correctly").
/// </summary>
public sealed class DialingRulesModel(CustomerScope scope, DialPlanChanges changes) : PageModel
{
    /// <summary>The form's fields, each named as provisioning's <c>dialing</c> object names it.</summary>
    public static IReadOnlyList<(string Field, string Label, string Hint)> Parameters { get; } =
    [
        ("outside_prefix", "Outside (line) prefix", "dialed before every outside number, e.g. 9; empty: none"),
        ("international_prefix", "International prefix", "before a country code, e.g. 011 or 00"),
        ("national_prefix", "National (long distance) prefix", "before an area code, e.g. 1 in North America, 0 in most of Europe"),
        ("country_code", "Country code", "your country calling code, e.g. 1, 33, 44"),
        ("area_code", "Area code", "the area code of your local numbers; empty: every number dialed with its area code"),
        ("local_lengths", "Local number lengths", "digits in a local number, e.g. 7; several separated by commas"),
    ];

    public DialingRules Rules { get; private set; }

    public DialingParameters Values { get; private set; } = DialingParameters.None;

    /// <summary>The local lengths as typed (kept when refused).</summary>
    public string LocalLengthsText { get; private set; } = string.Empty;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public void OnGet() => Show(scope.Customer.DialPlan.DialingRules, scope.Customer.DialPlan.Dialing);

    public IActionResult OnPost(string? rules, [FromForm(Name = "outside_prefix")] string? outside, [FromForm(Name = "international_prefix")] string? international,
        [FromForm(Name = "national_prefix")] string? national, [FromForm(Name = "country_code")] string? country, [FromForm(Name = "area_code")] string? area,
        [FromForm(Name = "local_lengths")] string? lengths, [FromForm(Name = "custom_rule")] string? custom)
    {
        Show(scope.Customer.DialPlan.DialingRules, scope.Customer.DialPlan.Dialing);
        LocalLengthsText = lengths ?? string.Empty;
        var parsed = new List<int>();
        foreach (var part in (lengths ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                Errors["local_lengths"] = $"'{part}' is not a number of digits";
                Localization.Refusals.Note(HttpContext, "digits-count", Errors["local_lengths"], part);
                return Page();
            }

            parsed.Add(length);
        }

        Values = new DialingParameters(Clean(outside), Clean(international), Clean(national), Clean(country), Clean(area), parsed,
            string.IsNullOrWhiteSpace(custom) ? null : custom.Trim());
        if (rules is null || !WireNames.DialingRules.TryGetValue(rules, out var chosen))
        {
            Errors["rules"] = "choose one of the dialing rules";
            return Page();
        }

        Rules = chosen;
        var result = changes.SetRules(chosen, Values);
        if (result == Data.ProvisioningChanges.Result.NotFound)
        {
            return NotFound(); // the customer is no longer stored (removed while this request ran)
        }

        if (!result.Done)
        {
            // Provisioning names the parameter ("dialing: country_code '0' ..."); anything else is about the choice.
            Errors[result.Field is { } field && (field == "custom_rule" || Parameters.Any(p => p.Field == field)) ? field : "rules"] = result.Message!;
            return Page();
        }

        TempData["Saved"] = "Dialing rules saved.";
        return RedirectToPage();
    }

    /// <summary>The value of a parameter field for the form.</summary>
    public string Value(string field) => field switch
    {
        "outside_prefix" => Values.OutsidePrefix,
        "international_prefix" => Values.InternationalPrefix,
        "national_prefix" => Values.NationalPrefix,
        "country_code" => Values.CountryCode,
        "area_code" => Values.AreaCode,
        _ => LocalLengthsText,
    };

    /// <summary>
    /// Examples for the saved rules: what a user dials for a local, a national and an international call, and the E.164
    /// number the switch makes of it (null: refused).
    /// </summary>
    public IReadOnlyList<(string Call, string Dialed, string? E164)> Examples()
    {
        var saved = scope.Customer.DialPlan;
        var d = saved.Dialing;
        switch (saved.DialingRules)
        {
            case DialingRules.Enabled:
                var rule = new DialingParametersRule(d.OutsidePrefix, d.InternationalPrefix, d.NationalPrefix, d.CountryCode, d.AreaCode, d.LocalLengths);
                var local = d.LocalLengths.Count > 0 ? new string('5', 1) + new string('0', d.LocalLengths[0] - 2) + "1" : "5550123";
                var list = new List<(string, string, string?)> { ("Local", d.OutsidePrefix + local, rule.ToE164(d.OutsidePrefix + local)) };
                if (d.AreaCode.Length > 0)
                {
                    var national = d.NationalPrefix + d.AreaCode + local;
                    list.Add(("National (with the area code)", d.OutsidePrefix + national, rule.ToE164(d.OutsidePrefix + national)));
                }

                var abroad = (d.InternationalPrefix.Length > 0 ? d.OutsidePrefix + d.InternationalPrefix : "+") + "442079460018";
                list.Add(("International", abroad, rule.ToE164(abroad)));
                return list;
            case DialingRules.Custom:
                var custom = d.CustomRule is { } text && CustomDialingRule.TryParse(text, out var parsed, out _) ? parsed : null;
                return [.. new[] { "5550123", "95550123", "915145550142", "011442079460018" }
                    .Select(n => ("Your rule", n, custom is null ? null : E164(custom.Apply(n))))];
            case DialingRules.NorthAmerica:
                return [("Domestic", "514 555 0142 or 1 514 555 0142", "15145550142"), ("International", "011 44 20 7946 0018 (or 00 44 ...)", "442079460018")];
            default:
                return [("Domestic", "1 514 555 0142 (or +1 514 555 0142)", "15145550142"), ("International", "44 20 7946 0018 (or +44 ...)", "442079460018")];
        }
    }

    private void Show(DialingRules rules, DialingParameters values)
    {
        (Rules, Values) = (rules, values);
        LocalLengthsText = string.Join(", ", values.LocalLengths);
    }

    private static string Clean(string? text) => text?.Trim() ?? string.Empty;

    private static string? E164(string number)
    {
        var digits = number.StartsWith('+') ? number[1..] : number;
        return digits.Length is >= 4 and <= 15 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
