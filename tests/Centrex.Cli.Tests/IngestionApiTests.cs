using System.Text.Json;

namespace Centrex.Cli.Tests;

/// <summary>The CDR ingestion API of <c>centrex serve</c>, against the real program on a loopback port.</summary>
public sealed class IngestionApiTests : IDisposable
{
    private readonly IngestionSample _sample = new(rows: 300);
    private readonly TempFolder _data = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Batch_IsRatedPerRow_LikeTheFileRun_AndMovesTheBalance()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        var rows = _sample.Rows[..100];
        var (status, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "batch-1", _sample.Body(rows));

        Assert.Equal(200, status);
        Assert.False(json.GetProperty("replayed").GetBoolean());
        var outcomes = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Length, outcomes.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            var id = rows[i].Split(',')[0];
            Assert.Equal(id, outcomes[i].GetProperty("id").GetString());
            Assert.Equal(i + 2, outcomes[i].GetProperty("line").GetInt64());
            if (_sample.Charges.TryGetValue(id, out var charge))
            {
                Assert.Equal("rated", outcomes[i].GetProperty("outcome").GetString());
                Assert.Equal(charge, IngestionSample.ToMills(outcomes[i].GetProperty("charge").GetString()!));
            }
            else
            {
                Assert.Equal("rejected", outcomes[i].GetProperty("outcome").GetString());
                Assert.Equal("no-rate", outcomes[i].GetProperty("reason").GetString());
            }
        }

        foreach (var account in rows.Select(r => r.Split(',')[1]).Distinct())
        {
            var expected = -rows.Select(r => r.Split(',')[0]).Where(id => _sample.Accounts[id] == account).Sum(id => _sample.Charges.GetValueOrDefault(id));
            Assert.Equal(expected, await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
        }
    }

    [Fact]
    public async Task RetriedKey_ReplaysTheAnswer_OtherKeySameCalls_AreDuplicates_ReusedKeyOtherBody_Is422()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        var body = _sample.Body(_sample.Rows[..50]);
        var account = _sample.Rows[0].Split(',')[1];
        var (_, first) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "k", body);
        var balance = await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account);

        var (status, replay) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "k", body);
        Assert.Equal(200, status);
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("rows").GetRawText(), replay.GetProperty("rows").GetRawText());

        var (_, again) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "k-2", body);
        Assert.All(again.GetProperty("rows").EnumerateArray(), row =>
            Assert.Equal(_sample.Charges.ContainsKey(row.GetProperty("id").GetString()!) ? "duplicate" : "rejected", row.GetProperty("outcome").GetString()));
        Assert.Equal(0, again.GetProperty("summary").GetProperty("rated").GetInt32());

        var (conflict, error) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "k", _sample.Body(_sample.Rows[50..60]));
        Assert.Equal(422, conflict);
        Assert.Equal("idempotency-key-reused", error.GetProperty("error").GetString());
        Assert.Equal(balance, await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
    }

    /// <summary>
    /// <c>Prefer: return=minimal</c> (RFC 7240): the answer lists only the rows not charged, with their lines, and the
    /// summary still counts every row (rows = rated + duplicates + rejected); a replay answers the same way, and a client
    /// that does not ask gets every row.
    /// </summary>
    [Fact]
    public async Task MinimalReturn_ListsOnlyTheRowsNotCharged_AndTheSummaryCountsThemAll()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        var priced = _sample.Rows.Where(r => _sample.Charges.ContainsKey(r.Split(',')[0])).ToArray();
        // A call to a country code the generated tariff has no prefix for (it has none starting with 99).
        var fields = priced[3].Split(',');
        fields[0] = "unpriced-1";
        fields[3] = "+99912345678";
        var unpriced = string.Join(',', fields);
        string[] rows = [priced[0], priced[1], priced[0], unpriced, priced[2]]; // lines 2-6: the repeat on line 4, no rate on line 5
        var body = _sample.Body(rows);

        var (status, json, applied) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "minimal", body, "respond-async, return=minimal");
        Assert.Equal(200, status);
        Assert.Equal("return=minimal", applied);
        var listed = json.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt64(), r.GetProperty("id").GetString(), r.GetProperty("outcome").GetString())).ToList();
        Assert.Equal([(4L, priced[0].Split(',')[0], "duplicate"), (5L, unpriced.Split(',')[0], "rejected")], listed);
        var summary = json.GetProperty("summary");
        Assert.Equal((5, 3, 1, 1), (summary.GetProperty("rows").GetInt32(), summary.GetProperty("rated").GetInt32(), summary.GetProperty("duplicates").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        var charged = priced[..3].Sum(r => _sample.Charges[r.Split(',')[0]]);
        Assert.Equal(charged, IngestionSample.ToMills(summary.GetProperty("charge").GetString()!));

        var (_, replay, replayApplied) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "minimal", body, "return=\"minimal\"");
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.Equal("return=minimal", replayApplied);
        Assert.Equal(json.GetProperty("rows").GetRawText(), replay.GetProperty("rows").GetRawText());

        var (_, full, fullApplied) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "minimal", body, "return=representation, return=minimal");
        Assert.Null(fullApplied); // the first return preference decides (RFC 7240 section 2)
        Assert.Equal(["rated", "rated", "duplicate", "rejected", "rated"], full.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task RepeatedIdWithinABatch_IsChargedOnce()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        var priced = _sample.Rows.First(r => _sample.Charges.ContainsKey(r.Split(',')[0]));
        var (_, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "twice", _sample.Body([priced, priced]));
        var outcomes = json.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["rated", "duplicate"], outcomes);
        Assert.Equal(-_sample.Charges[priced.Split(',')[0]], await IngestionSample.BalanceAsync(_http, serve.BaseAddress, priced.Split(',')[1]));
    }

    [Fact]
    public async Task OversizedBatches_Are413_AndNothingIsApplied()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff, null, "--max-batch-bytes", "4096", "--max-batch-rows", "10");
        var account = _sample.Rows[0].Split(',')[1];
        var (bytesStatus, bytesJson) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "big", _sample.Body(_sample.Rows[..100]));
        var (rowsStatus, rowsJson) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "many", _sample.Body(_sample.Rows[..11]));

        Assert.Equal(413, bytesStatus);
        Assert.Equal("batch-too-large", bytesJson.GetProperty("error").GetString());
        Assert.Equal(413, rowsStatus);
        Assert.Contains("10 rows", rowsJson.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
        var (okStatus, _) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "small", _sample.Body(_sample.Rows[..10]));
        Assert.Equal(200, okStatus);
    }

    [Fact]
    public async Task AfterARestart_BalancesAndKeysAreRemembered()
    {
        var body = _sample.Body(_sample.Rows[..40]);
        var account = _sample.Rows[0].Split(',')[1];
        JsonElement first;
        long balance;
        using (var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff))
        {
            (_, first) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "persist", body);
            balance = await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account);
            Assert.Equal(0, await serve.StopAsync());
        }

        using var again = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        Assert.Equal(balance, await IngestionSample.BalanceAsync(_http, again.BaseAddress, account));
        var (_, replay) = await IngestionSample.PostAsync(_http, again.BaseAddress, "persist", body);
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("rows").GetRawText(), replay.GetProperty("rows").GetRawText());
        Assert.NotEqual(0, balance);
    }

    public void Dispose()
    {
        _http.Dispose();
        _data.Dispose();
        _sample.Dispose();
    }
}
