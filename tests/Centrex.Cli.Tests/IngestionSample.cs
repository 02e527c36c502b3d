using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Centrex.Cli.Tests;

/// <summary>
/// A generated tariff and CDR file, and what a pure file run of <c>centrex rate</c> (the reference) charges each CDR:
/// the ingestion and crash tests compare the ledger against it.
/// </summary>
internal sealed class IngestionSample : IDisposable
{
    private readonly TempFolder _folder = new();

    public IngestionSample(int rows, int accounts = 5)
    {
        var generate = CliRun.Invoke("generate", "--out", _folder.Path, "--rows", rows.ToString(CultureInfo.InvariantCulture),
            "--accounts", accounts.ToString(CultureInfo.InvariantCulture), "--bad-per-10000", "0");
        Assert.Equal(0, generate.ExitCode);
        Tariff = _folder.File("tariff.csv");
        var lines = File.ReadAllLines(_folder.File("cdrs.csv"));
        Header = lines[0];
        Rows = lines[1..];
        var rate = CliRun.Invoke("rate", "--tariff", Tariff, "--cdrs", _folder.File("cdrs.csv"), "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        Assert.Equal(0, rate.ExitCode);
        foreach (var line in File.ReadLines(_folder.File("rated.csv")).Skip(1))
        {
            var fields = line.Split(',');
            Charges[fields[0]] = ToMills(fields[^1]);
        }

        foreach (var row in Rows)
        {
            var fields = row.Split(',');
            Accounts[fields[0]] = fields[1];
        }
    }

    public string Tariff { get; }

    public string Header { get; }

    /// <summary>The CDR rows (without the header), one line each.</summary>
    public string[] Rows { get; }

    /// <summary>The reference charge of every CDR the tariff prices, in mills.</summary>
    public Dictionary<string, long> Charges { get; } = [];

    /// <summary>The account of every CDR.</summary>
    public Dictionary<string, string> Accounts { get; } = [];

    /// <summary>What each account's balance must be once every CDR is charged once (charges lower it).</summary>
    public Dictionary<string, long> ExpectedBalances() =>
        Charges.GroupBy(c => Accounts[c.Key]).ToDictionary(g => g.Key, g => -g.Sum(c => c.Value));

    public string Body(IEnumerable<string> rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static long ToMills(string dollars) =>
        long.Parse(dollars.Replace(".", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static async Task<(int Status, JsonElement Json)> PostAsync(HttpClient client, Uri server, string? key, string body)
    {
        var (status, json, _) = await PostAsync(client, server, key, body, prefer: null, path: "/v1/cdr-batches");
        return (status, json);
    }

    /// <summary>
    /// The same with a <c>Prefer</c> header (none when null), to <paramref name="path"/>; also the
    /// <c>Preference-Applied</c> answered (null when none).
    /// </summary>
    public static async Task<(int Status, JsonElement Json, string? Applied)> PostAsync(HttpClient client, Uri server, string? key, string body, string? prefer, string path = "/api/v1/cdr-batches")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CentrexProcess.KeyFor(server));

        using var response = await client.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        var applied = response.Headers.TryGetValues("Preference-Applied", out var values) ? string.Join(",", values) : null;
        return ((int)response.StatusCode, json, applied);
    }

    public static async Task<long> BalanceAsync(HttpClient client, Uri server, string account)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, $"/v1/accounts/{account}/balance"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CentrexProcess.KeyFor(server));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("balance_mills").GetInt64();
    }

    public void Dispose() => _folder.Dispose();
}
