namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 13, item 2: concurrent retries of one batch (same Idempotency-Key, same bytes) against the real
/// <c>centrex serve</c>. They used to land in one group commit, where the second could not read the first's record:
/// every one answered 500 and the ledger refused all later work until a restart.
/// </summary>
public sealed class ConcurrentIdempotencyTests : IDisposable
{
    private const int Clients = 50;
    private readonly IngestionSample _sample = new(rows: 300);
    private readonly TempFolder _data = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task FiftyConcurrentPostsOfOneKey_AreOneApplyAnd49Replays_ChargedOnce_ThenTheLedgerServes_AndVerifies()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        var rows = _sample.Rows[..100];
        var accounts = rows.Select(r => r.Split(',')[1]).Distinct().ToList();

        // Open the client's connections first, so the posts reach the server together rather than one connect apart.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => IngestionSample.BalanceAsync(_http, serve.BaseAddress, accounts[i % accounts.Count])));
        var body = _sample.Body(rows);
        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => IngestionSample.PostAsync(_http, serve.BaseAddress, "retried-key", body)));

        Assert.All(answers, a => Assert.True(a.Status == 200, $"{a.Status} {a.Json.GetRawText()}"));
        Assert.Single(answers, a => !a.Json.GetProperty("replayed").GetBoolean());
        Assert.Equal(Clients - 1, answers.Count(a => a.Json.GetProperty("replayed").GetBoolean()));
        var first = answers.Single(a => !a.Json.GetProperty("replayed").GetBoolean()).Json.GetProperty("rows").GetRawText();
        Assert.All(answers, a => Assert.Equal(first, a.Json.GetProperty("rows").GetRawText()));
        foreach (var account in accounts)
        {
            Assert.Equal(ExpectedBalance(rows, account), await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
        }

        // Normal traffic goes on.
        var next = _sample.Rows[100..200];
        var (status, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "next-key", _sample.Body(next));
        Assert.True(status == 200, json.GetRawText());
        Assert.False(json.GetProperty("replayed").GetBoolean());
        Assert.Equal(next.Count(r => _sample.Charges.ContainsKey(r.Split(',')[0])), json.GetProperty("summary").GetProperty("rated").GetInt32());
        foreach (var account in accounts)
        {
            Assert.Equal(ExpectedBalance([.. rows, .. next], account), await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
        }

        Assert.True(await serve.StopAsync() == 0, serve.Error);
        var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", _data.Path);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
    }

    public void Dispose()
    {
        _http.Dispose();
        _data.Dispose();
        _sample.Dispose();
    }

    private long ExpectedBalance(IEnumerable<string> rows, string account) =>
        -rows.Select(r => r.Split(',')[0]).Where(id => _sample.Accounts[id] == account).Sum(id => _sample.Charges.GetValueOrDefault(id));
}
