using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// Finds English left on a page served in French: the texts of <c>PortalText.fr.resx</c> whose French differs from the
/// English (the English is the key) and the texts of <c>PortalText.resx</c> with values (their placeholders matching any
/// value), looked for in the page's visible text. A text shown whole in one element (<c>Save</c>, <c>Page 1 of 3 · 40
/// rows</c>) is found when an element's text is exactly it; a longer one (a sentence with a link in it) anywhere in the
/// page's text. A text spelt the same in both languages (<c>Date</c>, <c>Extension</c>) is not English-only and is
/// never reported.
/// </summary>
public sealed partial class EnglishLeft
{
    // Shorter texts are only matched as a whole element: "Name" or "Save" inside a sentence or a value is not a leftover.
    private const int AnywhereFrom = 30;

    private readonly HashSet<string> _whole = new(StringComparer.Ordinal);
    private readonly List<string> _anywhere = [];
    private readonly List<(string English, Regex Pattern)> _patterns = [];

    private EnglishLeft(Dictionary<string, string> english, Dictionary<string, string> french)
    {
        foreach (var (key, value) in french)
        {
            var englishText = english.TryGetValue(key, out var e) ? e : key;
            if (value == englishText || key.StartsWith("refusal.", StringComparison.Ordinal) && !english.ContainsKey(key))
            {
                continue;
            }

            if (Placeholder().IsMatch(englishText))
            {
                // The literal parts around the values must be long enough to say something ("{0}: {1}" says nothing).
                var literal = Placeholder().Replace(englishText, string.Empty);
                if (literal.Count(char.IsLetter) >= 8)
                {
                    var parts = Placeholder().Split(englishText).Select(Regex.Escape);
                    // A refusal's text follows the record it names (accounts (id "ACC-1"): ...).
                    var start = key.StartsWith("refusal.", StringComparison.Ordinal) ? "^(?:.*: )?" : "^";
                    _patterns.Add((englishText, new Regex(start + string.Join(".+?", parts) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant)));
                }
            }
            else
            {
                _whole.Add(englishText);
                if (englishText.Length >= AnywhereFrom)
                {
                    _anywhere.Add(englishText);
                }
            }
        }
    }

    /// <summary>
    /// The checker for the repository's resource files, and for the messages the portal's code writes for a page
    /// (<c>Errors["field"] = "..."</c>, <c>TempData["Saved"] = "..."</c>) that have no French entry at all: those would
    /// show in English whatever the resource files say.
    /// </summary>
    public static EnglishLeft FromResources()
    {
        var folder = Path.Combine(RepoRoot(), "src", "Portal", "Localization");
        var english = Read(Path.Combine(folder, "PortalText.resx"));
        var french = Read(Path.Combine(folder, "PortalText.fr.resx"));
        var checker = new EnglishLeft(english, french);
        var known = new HashSet<string>(french.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var message in PageMessages())
        {
            if (!known.Contains(message) && !english.ContainsValue(message))
            {
                checker.AddUntranslated(message);
            }
        }

        return checker;
    }

    /// <summary>Texts written in the source with no French entry (interpolated ones with their holes as values).</summary>
    public IReadOnlyList<string> Untranslated => _untranslated;

    private readonly List<string> _untranslated = [];

    private void AddUntranslated(string message)
    {
        _untranslated.Add(message);
        if (Hole().IsMatch(message))
        {
            var parts = Hole().Split(message).Select(Regex.Escape);
            _patterns.Add((message, new Regex("^(?:.*: )?" + string.Join(".+?", parts) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant)));
        }
        else
        {
            _whole.Add(message);
        }
    }

    // The messages pages are given in code: a field's refusal, a saved notice.
    private static IEnumerable<string> PageMessages()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Portal", "Features"), "*.cs", SearchOption.AllDirectories);
        foreach (var file in sources)
        {
            foreach (Match m in Assigned().Matches(File.ReadAllText(file)))
            {
                var text = Regex.Unescape(m.Groups[2].Value);
                // The words around the values must say something: "{field}: {message}" would match any text with a colon.
                if (Hole().Replace(text, string.Empty).Count(char.IsLetter) >= 8 && text.Contains(' ', StringComparison.Ordinal))
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>How many English-only texts are looked for (a sanity figure for the test).</summary>
    public int Count => _whole.Count + _patterns.Count;

    /// <summary>The English-only texts found in <paramref name="html"/>'s visible text.</summary>
    public IReadOnlyList<string> In(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var nodes = VisibleText(html);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (_whole.Contains(node))
            {
                found.Add(node);
            }

            foreach (var (englishText, pattern) in _patterns)
            {
                if (pattern.IsMatch(node))
                {
                    found.Add(englishText);
                }
            }
        }

        var all = string.Join(' ', nodes);
        foreach (var text in _anywhere)
        {
            if (all.Contains(text, StringComparison.Ordinal))
            {
                found.Add(text);
            }
        }

        return [.. found];
    }

    /// <summary>The texts a reader sees: each element's text (tags, scripts and styles taken out), decoded, spaces collapsed.</summary>
    public static IReadOnlyList<string> VisibleText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = Hidden().Replace(html, " ");
        return [.. Tag().Split(body).Select(t => Spaces().Replace(WebUtility.HtmlDecode(t), " ").Trim()).Where(t => t.Length > 0)];
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    /// <summary>The repository's root (the folder of Centrex.sln), found from the test's binaries.</summary>
    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Centrex.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    // An interpolation hole of a $"..." message: {id}, {Model.Name}, {max:N0}.
    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Hole();

    // errors["field"] = "..." / Errors[...] = $"..." / TempData["Saved"] = "...".
    [GeneratedRegex(@"(?:[Ee]rrors\[[^\]]+\]|TempData\[""Saved""\])\s*=\s*(\$?)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Assigned();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
