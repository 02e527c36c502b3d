namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 16's ingestion bench: a batch's rows, journal entries and answer lie in arrays rented from shared pools and
/// given back once it is answered. Many batches of different content and sizes, posted concurrently in waves (so the
/// arrays of one wave are rented again by the next), with malformed batches among them (whose arrays go back at once):
/// every answer must list exactly its own batch's rows (line, id, outcome and charge), never a row of another batch,
/// and every account's balance must be the sum of its calls' charges.
/// </summary>
public sealed class ConcurrentBatchIsolationTests : IDisposable
{
    private const int Waves = 3;
    private const int PerWave = 8;
    private readonly IngestionSample _sample = new(rows: 5_000, accounts: 7);
    private readonly TempFolder _data = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(120) };

    [Fact]
    public async Task ConcurrentBatchesOfDifferentContent_EachAnswerListsOnlyItsOwnRows()
    {
        using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        var next = 0;
        for (var wave = 0; wave < Waves; wave++)
        {
            // Sizes differ (larger first) so a later, smaller batch gets an array that still holds a larger one's rows.
            var batches = new List<(string Key, string[] Rows)>();
            for (var i = 0; i < PerWave; i++)
            {
                var size = 300 - (i * 30) - (wave * 7);
                batches.Add(($"w{wave}-b{i}", _sample.Rows[next..(next + size)]));
                next += size;
            }

            var posts = batches.Select(b => IngestionSample.PostAsync(_http, serve.BaseAddress, b.Key, _sample.Body(b.Rows))).ToList();
            var malformed = IngestionSample.PostAsync(_http, serve.BaseAddress, $"w{wave}-bad", _sample.Body([.. _sample.Rows[..50], "x,y"]));
            var answers = await Task.WhenAll(posts);
            Assert.Equal(400, (await malformed).Status);

            for (var i = 0; i < PerWave; i++)
            {
                var (status, json) = answers[i];
                Assert.True(status == 200, $"{batches[i].Key}: {status} {json.GetRawText()}");
                Assert.Equal(batches[i].Key, json.GetProperty("key").GetString());
                var rows = json.GetProperty("rows").EnumerateArray().ToList();
                Assert.Equal(batches[i].Rows.Length, rows.Count);
                for (var r = 0; r < rows.Count; r++)
                {
                    var id = batches[i].Rows[r].Split(',')[0];
                    Assert.Equal(r + 2, rows[r].GetProperty("line").GetInt64());
                    Assert.Equal(id, rows[r].GetProperty("id").GetString());
                    if (_sample.Charges.TryGetValue(id, out var charge))
                    {
                        Assert.Equal("rated", rows[r].GetProperty("outcome").GetString());
                        Assert.Equal(charge, IngestionSample.ToMills(rows[r].GetProperty("charge").GetString()!));
                    }
                    else
                    {
                        Assert.Equal("rejected", rows[r].GetProperty("outcome").GetString());
                    }
                }

                var summary = json.GetProperty("summary");
                Assert.Equal(batches[i].Rows.Length, summary.GetProperty("rated").GetInt32() + summary.GetProperty("rejected").GetInt32());
                Assert.Equal(0, summary.GetProperty("duplicates").GetInt32());
            }
        }

        var charged = _sample.Rows[..next].Select(r => r.Split(',')[0]).ToHashSet();
        foreach (var account in _sample.Accounts.Values.Distinct())
        {
            var expected = -_sample.Charges.Where(c => charged.Contains(c.Key) && _sample.Accounts[c.Key] == account).Sum(c => c.Value);
            Assert.Equal(expected, await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
        }

        Assert.True(await serve.StopAsync() == 0, serve.Error);
    }

    public void Dispose()
    {
        _http.Dispose();
        _data.Dispose();
        _sample.Dispose();
    }
}
