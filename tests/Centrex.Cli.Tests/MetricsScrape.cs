using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Centrex.Cli.Tests;

/// <summary>
/// Scraping a running serve's <c>/metrics</c> as Prometheus does (<c>Authorization: Bearer</c>), parsing what it answers,
/// and the checks every scrape must pass: the naming conventions, and the README documenting each family.
/// </summary>
internal static partial class MetricsScrape
{
    /// <summary>GET /metrics with <paramref name="key"/> (none when null): the status and the body.</summary>
    public static async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(Uri server, string? key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, "/metrics"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Scrapes with <paramref name="key"/>, expects 200, parses, and checks conventions and documentation.</summary>
    public static async Task<PrometheusText> ScrapeAsync(Uri server, string key)
    {
        var (status, body, response) = await GetAsync(server, key);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        }

        var text = PrometheusText.Parse(body);
        CheckConventions(text);
        return text;
    }

    /// <summary>
    /// Prometheus naming (prometheus.io, "Metric and label naming"): every family typed and explained, counters end in
    /// <c>_total</c>, our own families start with <c>centrex_</c> and name their base unit, histograms are cumulative
    /// with <c>+Inf</c> equal to their count; and each <c>centrex_</c> family is in the README's metrics table.
    /// </summary>
    public static void CheckConventions(PrometheusText text)
    {
        var documented = Documented();
        foreach (var (family, type) in text.Types)
        {
            Assert.True(text.Help.TryGetValue(family, out var help) && help.Length > 0, $"{family} has no HELP");
            if (type == "counter")
            {
                Assert.EndsWith("_total", family, StringComparison.Ordinal);
            }

            if (family.StartsWith("centrex_", StringComparison.Ordinal))
            {
                Assert.True(documented.Contains(family), $"{family} is served but not in the README's metrics table");
                Assert.DoesNotMatch("_(milliseconds|ms|microseconds|kb|mb|minutes)(_|$)", family); // base units only
            }

            if (type == "histogram")
            {
                var buckets = text.Samples.Where(s => s.Name == family + "_bucket").ToList();
                Assert.NotEmpty(buckets);
                Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First.Value <= p.Second.Value), $"{family}'s buckets are not cumulative");
                Assert.Equal("+Inf", buckets[^1].Labels["le"]);
                Assert.Equal(text.Value(family + "_count"), buckets[^1].Value);
            }
        }

        Assert.All(text.Samples, s => Assert.False(double.IsNaN(s.Value), s.Name));
    }

    /// <summary>The families the README's metrics table documents (its first column).</summary>
    public static HashSet<string> Documented()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var start = readme.IndexOf("\n## Metrics\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no Metrics section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return TableName().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\| `(centrex_[a-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex TableName();
}
