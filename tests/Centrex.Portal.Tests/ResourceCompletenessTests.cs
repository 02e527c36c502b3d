using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Centrex.Provisioning;

namespace Centrex.Portal.Tests;

/// <summary>
/// The portal's language resources are complete (issue 16: users expect the whole portal in their language): every text
/// of <c>PortalText.resx</c> (the texts with values and the refusals' texts by code) has its French entry, with the same
/// composite-format placeholders, so a message never loses a value, or shows <c>{2}</c>, in French; every text with
/// values the code formats, and every refusal code it notes, is in <c>PortalText.resx</c>. A missing translation fails
/// here rather than showing in English on a French page.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string Localization = Path.Combine(FindRepoRoot(), "src", "Portal", "Localization");

    [Fact]
    public void EveryEnglishText_HasAFrenchEntry_WithTheSamePlaceholders()
    {
        var english = Read("PortalText.resx");
        var french = Read("PortalText.fr.resx");
        Assert.True(english.Count >= 40, $"only {english.Count} English texts: is this the resource file?");
        var problems = new List<string>();
        foreach (var (key, value) in english)
        {
            if (!french.TryGetValue(key, out var translated))
            {
                problems.Add($"no French entry for \"{key}\"");
            }
            else if (!Placeholders(value).SetEquals(Placeholders(translated)))
            {
                problems.Add($"\"{key}\": English has {Show(value)}, French has {Show(translated)}");
            }
        }

        // A French text keyed by its English (not listed in PortalText.resx) keeps the key's placeholders too.
        foreach (var (key, value) in french.Where(e => !english.ContainsKey(e.Key)))
        {
            if (!Placeholders(key).SetEquals(Placeholders(value)))
            {
                problems.Add($"\"{key}\": the key has {Show(key)}, French has {Show(value)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryTextWithValues_AndEveryRefusalCode_IsInTheEnglishResources()
    {
        var english = Read("PortalText.resx");
        var problems = new List<string>();
        var sources = Directory.EnumerateFiles(Path.Combine(FindRepoRoot(), "src", "Portal"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        var formatted = 0;
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Formatted().Matches(text))
            {
                formatted++;
                var key = Regex.Unescape(m.Groups[1].Value);
                if (!english.ContainsKey(key))
                {
                    problems.Add($"{Path.GetFileName(file)}: \"{key}\" is formatted with values but is not in PortalText.resx");
                }
            }

            foreach (Match m in NotedCode().Matches(text))
            {
                if (!english.ContainsKey("refusal." + m.Groups[1].Value))
                {
                    problems.Add($"{Path.GetFileName(file)}: refusal code \"{m.Groups[1].Value}\" has no refusal.{m.Groups[1].Value} in PortalText.resx");
                }
            }
        }

        // Every code provisioning's validator and the billing cycle can give has its text (ProvisioningErrors and
        // BillingErrors are the lists of them).
        foreach (var code in new[] { typeof(ProvisioningErrors), typeof(Centrex.Invoicing.Cycle.BillingErrors) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetValue(null)!))
        {
            if (!english.ContainsKey("refusal." + code))
            {
                problems.Add($"code \"{code}\" has no refusal.{code} in PortalText.resx");
            }
        }

        // Every phrase provisioning puts inside a refusal (RefusalPhrase) has its text, the fixed ones in their English.
        foreach (var phrase in ForwardAddresses.Reasons.Concat(ProvisioningValidator.NumberKinds).Concat(ProvisioningValidator.PrefixFeatures))
        {
            if (english.GetValueOrDefault(phrase.Key) != phrase.English)
            {
                problems.Add($"phrase \"{phrase.English}\" has no {phrase.Key} in PortalText.resx with that English");
            }
        }

        problems.AddRange(ProvisioningValidator.RegexPhraseKeys.Where(key => !english.ContainsKey(key)).Select(key => $"no {key} in PortalText.resx"));
        Assert.True(formatted >= 20, $"only {formatted} formatted texts found: has Translation.Of moved?");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryParagraphHintAndTextOfAPage_HasAFrenchEntry()
    {
        // A page's prose written as it is (a paragraph, a field's hint: translated by TranslateTagHelper) or through
        // Translation.Of without values has its French entry, keyed by its English: 17 paragraphs and hints were shown
        // in English on French pages because nothing asked for them (the walk only finds English it knows).
        var french = new HashSet<string>(Read("PortalText.fr.resx").Keys, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var checkedTexts = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(FindRepoRoot(), "src", "Portal", "Features"), "*.cshtml", SearchOption.AllDirectories))
        {
            var page = File.ReadAllText(file);
            foreach (var m in Prose().Matches(page).Concat(TextOf().Matches(page)))
            {
                checkedTexts++;
                var text = Whitespace().Replace(System.Net.WebUtility.HtmlDecode(Regex.Unescape(m.Groups[1].Value)), " ").Trim();
                if (!french.Contains(text))
                {
                    problems.Add($"{Path.GetFileName(file)}: no French for \"{text}\"");
                }
            }
        }

        Assert.True(checkedTexts >= 60, $"only {checkedTexts} texts found: have the pages' paragraphs moved?");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NoTwoTexts_DifferOnlyInCase()
    {
        // Resource names are case-insensitive when the .resources file is written: of "Active" and "active" one entry is
        // kept, and a page asking for the other shows its English.
        foreach (var file in new[] { "PortalText.resx", "PortalText.fr.resx" })
        {
            var clashes = XDocument.Load(Path.Combine(Localization, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
            Assert.True(clashes.Count == 0, $"{file}: {string.Join("; ", clashes)}");
        }
    }

    [Fact]
    public void TheCheck_FindsAMissingTranslation_AndADroppedPlaceholder()
    {
        // The comparison itself, on a pair with a dropped value: the test above would fail on it.
        Assert.False(Placeholders("Extension of line {0} saved.").SetEquals(Placeholders("Poste enregistré.")));
        Assert.False(Placeholders("{0} {1}").SetEquals(Placeholders("{0} {0}")));
        Assert.True(Placeholders("{1} then {0:N2}").SetEquals(Placeholders("{0,5} puis {1}")));
        Assert.Empty(Placeholders("{{0}} is escaped"));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Localization, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    /// <summary>The argument indexes a composite format string uses (<c>{0}</c>, <c>{1:N2}</c>, not <c>{{0}}</c>).</summary>
    private static HashSet<int> Placeholders(string format) =>
        [.. Placeholder().Matches(format.Replace("{{", string.Empty, StringComparison.Ordinal).Replace("}}", string.Empty, StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Show(string format) => "{" + string.Join(",", Placeholders(format).Order()) + "}";

    private static string FindRepoRoot() => Support.EnglishLeft.RepoRoot();

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    // Translation.Of(context, "text with {0}", ...) and T["text with {0}", ...]: the texts formatted with values.
    [GeneratedRegex(@"(?:Translation\.Of\([^,""]+,\s*|T\[)""((?:[^""\\]|\\.)*\{\d+\}(?:[^""\\]|\\.)*)""")]
    private static partial Regex Formatted();

    // A paragraph or a field's hint whose whole content is text (no markup, no value): what TranslateTagHelper translates.
    [GeneratedRegex(@"(?:<p(?: class=""(?:empty|notice)"")?(?: id=""[^""]*"")?>|<div class=""hint""[^>]*>)([^<@]+)</(?:p|div)>")]
    private static partial Regex Prose();

    // Translation.Of(HttpContext, "text") without values: a text keyed by its English in PortalText.fr.resx.
    [GeneratedRegex(@"Translation\.Of\(HttpContext, ""((?:[^""\\]|\\.)*)""\)")]
    private static partial Regex TextOf();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Refusals.Note(context, "code", message, ...): a refusal of the portal's own, noted with its code.
    [GeneratedRegex(@"Refusals\.Note\([^,]+,\s*""([a-z0-9-]+)""")]
    private static partial Regex NotedCode();
}
