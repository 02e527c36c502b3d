using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Centrex.Cli.Tests;

/// <summary>
/// A strict reader of the Prometheus text exposition format (version 0.0.4, what <c>/metrics</c> answers): <c># HELP</c>
/// and <c># TYPE</c> lines, then samples <c>name{label="value",...} value</c> with the format's escapes in label values
/// (<c>\\</c>, <c>\"</c>, <c>\n</c>). Anything else is a <see cref="FormatException"/> naming the line, so a test that
/// scrapes checks the exposition itself, not only the numbers in it.
/// </summary>
internal sealed partial class PrometheusText
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _help = new(StringComparer.Ordinal);
    private readonly List<PrometheusSample> _samples = [];

    private PrometheusText()
    {
    }

    /// <summary>Each family's type (<c>counter</c>, <c>gauge</c>, <c>histogram</c>, <c>summary</c>, <c>untyped</c>).</summary>
    public IReadOnlyDictionary<string, string> Types => _types;

    /// <summary>Each family's help text.</summary>
    public IReadOnlyDictionary<string, string> Help => _help;

    public IReadOnlyList<PrometheusSample> Samples => _samples;

    public static PrometheusText Parse(string text)
    {
        var parsed = new PrometheusText();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                parsed.Read(line);
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {i + 1}: {e.Message}: {line}", e);
            }
        }

        return parsed;
    }

    /// <summary>The value of the one sample named <paramref name="name"/> with these labels (others may be there too).</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Assert.Single(_samples, s => s.Name == name && s.Has(labels)).Value;

    /// <summary>The sum of every sample named <paramref name="name"/> that has these labels; 0 when there is none.</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && s.Has(labels)).Sum(s => s.Value);

    /// <summary>The family a sample belongs to: a histogram's or summary's <c>_bucket</c>, <c>_sum</c> and <c>_count</c> belong to its name.</summary>
    public string FamilyOf(string sample)
    {
        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && _types.TryGetValue(sample[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return sample[..^suffix.Length];
            }
        }

        return sample;
    }

    private void Read(string line)
    {
        if (line.StartsWith('#'))
        {
            var comment = Comment().Match(line);
            if (!comment.Success)
            {
                return; // any other comment is allowed and means nothing
            }

            var (kind, name, rest) = (comment.Groups[1].Value, comment.Groups[2].Value, comment.Groups[3].Value);
            if (kind == "TYPE")
            {
                if (rest is not ("counter" or "gauge" or "histogram" or "summary" or "untyped") || !_types.TryAdd(name, rest))
                {
                    throw new FormatException($"a bad or second TYPE for {name}");
                }
            }
            else if (!_help.TryAdd(name, rest))
            {
                throw new FormatException($"a second HELP for {name}");
            }

            return;
        }

        var at = 0;
        var metric = Name(line, ref at);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var label = Name(line, ref at);
                Expect(line, ref at, "=\"");
                if (!labels.TryAdd(label, LabelValue(line, ref at)))
                {
                    throw new FormatException($"label {label} twice");
                }

                if (line[at] == ',')
                {
                    at++;
                }
                else if (line[at] != '}')
                {
                    throw new FormatException("expected , or }");
                }
            }

            at++;
        }

        Expect(line, ref at, " ");
        var parts = line[at..].Split(' ');
        if (parts.Length is < 1 or > 2 || (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException("expected a value and an optional timestamp");
        }

        var value = parts[0] switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var number when double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
            _ => throw new FormatException($"'{parts[0]}' is not a value"),
        };
        if (!_types.ContainsKey(FamilyOf(metric)))
        {
            throw new FormatException($"sample {metric} before its family's TYPE");
        }

        _samples.Add(new PrometheusSample(metric, labels, value));
    }

    private static string Name(string line, ref int at)
    {
        var start = at;
        while (at < line.Length && (char.IsAsciiLetter(line[at]) || line[at] is '_' or ':' || (at > start && char.IsAsciiDigit(line[at]))))
        {
            at++;
        }

        return at > start ? line[start..at] : throw new FormatException($"expected a name at column {start + 1}");
    }

    private static string LabelValue(string line, ref int at)
    {
        var value = new StringBuilder();
        while (line[at] != '"')
        {
            if (line[at] == '\\')
            {
                at++;
                value.Append(line[at] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    _ => throw new FormatException($"bad escape \\{line[at]}"),
                });
            }
            else
            {
                value.Append(line[at]);
            }

            at++;
        }

        at++;
        return value.ToString();
    }

    private static void Expect(string line, ref int at, string text)
    {
        if (string.CompareOrdinal(line, at, text, 0, text.Length) != 0)
        {
            throw new FormatException($"expected '{text}' at column {at + 1}");
        }

        at += text.Length;
    }

    [GeneratedRegex(@"^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$")]
    private static partial Regex Comment();
}
