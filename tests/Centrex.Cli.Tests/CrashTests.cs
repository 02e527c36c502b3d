using System.Collections.Concurrent;
using System.Text.Json;
using Centrex.Ledger;

namespace Centrex.Cli.Tests;

/// <summary>
/// Kills the real process with SIGKILL (at random moments and at the ledger's crash points: before a commit, after a
/// commit but before the answer, in the middle of a checkpoint), restarts it, resends everything not acknowledged, and
/// checks what carriers care about: every CDR charged exactly once, balances equal the journal's sums to the mill,
/// and nothing acknowledged lost.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int BatchRows = 20;
    private readonly IngestionSample _sample = new(rows: 4000, accounts: 6);
    private readonly TempFolder _data = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Serve_KilledRepeatedly_ChargesEveryCdrExactlyOnce_AndLosesNothingAcknowledged()
    {
        var batches = _sample.Rows.Chunk(BatchRows).Select((rows, i) => (Key: $"batch-{i:D4}", Body: _sample.Body(rows))).ToArray();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var random = new Random(20261122);
        string?[] crashes = ["before-commit:4", "after-commit:3", "mid-checkpoint:2", "after-seal:1", null, null, "after-commit:9", null];
        var kills = 0;
        foreach (var crashAt in crashes)
        {
            var environment = SmallRegistry(crashAt);
            using var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff, environment, "--checkpoint-entries", "300");

            // Everything acknowledged before the crash is still there: its retry is answered from the journal, unchanged.
            foreach (var (key, rows) in acknowledged.Take(5).ToList())
            {
                var (status, replay) = await IngestionSample.PostAsync(_http, serve.BaseAddress, key, batches.Single(b => b.Key == key).Body);
                Assert.Equal(200, status);
                Assert.True(replay.GetProperty("replayed").GetBoolean());
                Assert.Equal(rows, replay.GetProperty("rows").GetRawText());
            }

            using var killer = new CancellationTokenSource();
            if (crashAt is null)
            {
                // A random moment: SIGKILL from outside while batches are in flight.
                killer.CancelAfter(TimeSpan.FromMilliseconds(random.Next(20, 250)));
                killer.Token.Register(serve.Kill);
            }

            if (!await SendUnacknowledged(serve, batches, acknowledged))
            {
                kills++;
            }

            serve.Kill();
        }

        // The last round runs without crashes until everything is acknowledged.
        using (var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff, SmallRegistry(null), "--checkpoint-entries", "300"))
        {
            Assert.True(await SendUnacknowledged(serve, batches, acknowledged));
            Assert.Equal(batches.Length, acknowledged.Count);
            foreach (var (account, expected) in _sample.ExpectedBalances())
            {
                Assert.Equal(expected, await IngestionSample.BalanceAsync(_http, serve.BaseAddress, account));
            }

            Assert.Equal(0, await serve.StopAsync());
        }

        Assert.True(kills >= 4, $"only {kills} rounds ended in a kill");
        AssertEveryCdrRatedOnceAtItsCharge(acknowledged.Values);
        var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", _data.Path);
        Assert.True(verify.ExitCode == 0, verify.Error);
        AssertJournalHoldsEachCdrOnce();
    }

    [Theory]
    [InlineData("before-commit:1")]
    [InlineData("after-commit:1")]
    [InlineData("mid-checkpoint:1")]
    [InlineData("after-seal:1")]
    public async Task RateIntoData_KilledMidRun_RerunChargesTheRestExactlyOnce(string crashAt)
    {
        var cdrs = _data.Write("cdrs.csv", _sample.Body(_sample.Rows));
        string[] args = ["rate", "--tariff", _sample.Tariff, "--cdrs", cdrs, "--out", _data.File("rated.csv"), "--rejects", _data.File("rejects.csv"),
            "--data", _data.File("store"), "--checkpoint-entries", "500"];
        var crashed = await CentrexProcess.RunAsync(SmallRegistry(crashAt), args);
        Assert.Equal(137, crashed.ExitCode);

        // The other points die before the rated file is published. A seal usually follows the run's last checkpoint, while
        // the store closes after publishing, but a slower run (a loaded host, a Debug build) commits in more, smaller
        // groups and may reach a checkpoint with enough ids to seal during the run: either way the rerun below must
        // charge every call exactly once.
        if (!crashAt.StartsWith("after-seal", StringComparison.Ordinal))
        {
            Assert.False(File.Exists(_data.File("rated.csv")));
        }

        var rerun = await CentrexProcess.RunAsync(SmallRegistry(null), args);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        using (var store = LedgerStore.Open(_data.File("store")))
        {
            foreach (var (account, expected) in _sample.ExpectedBalances())
            {
                Assert.Equal(expected, store.Balance(account).Value);
            }
        }

        // The rerun's rated file holds what it charged; with the rows the first run committed (its duplicates), that is every CDR.
        var rated = File.ReadLines(_data.File("rated.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        var duplicates = File.ReadLines(_data.File("rejects.csv")).Skip(1).Where(l => l.EndsWith(",duplicate", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(_sample.Charges.Keys.Order(), rated.Concat(duplicates).Order());
        if (crashAt.StartsWith("before-commit", StringComparison.Ordinal))
        {
            Assert.Empty(duplicates);
        }
        else if (crashAt.StartsWith("after-commit", StringComparison.Ordinal) || crashAt.StartsWith("after-seal", StringComparison.Ordinal))
        {
            Assert.NotEmpty(duplicates);
        }

        var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", _data.File("store"));
        Assert.True(verify.ExitCode == 0, verify.Error);
    }

    /// <summary>
    /// The environment of a run: the crash point, if any, and a registry that keeps only 1,000 CDR ids in memory, so
    /// these 4,000 rows are sealed to disk runs several times and every crash lands among seals too.
    /// </summary>
    private static Dictionary<string, string> SmallRegistry(string? crashAt)
    {
        var environment = new Dictionary<string, string> { [LedgerSettings.IdsInMemoryVariable] = "1000" };
        if (crashAt is not null)
        {
            environment[LedgerSettings.CrashAtVariable] = crashAt;
        }

        return environment;
    }

    /// <summary>Sends every batch not yet acknowledged; false when the process died first.</summary>
    private async Task<bool> SendUnacknowledged(CentrexProcess serve, (string Key, string Body)[] batches, ConcurrentDictionary<string, string> acknowledged)
    {
        var pending = new ConcurrentQueue<(string Key, string Body)>(batches.Where(b => !acknowledged.ContainsKey(b.Key)));
        var clients = Enumerable.Range(0, 4).Select(async _ =>
        {
            while (pending.TryDequeue(out var batch))
            {
                try
                {
                    var (status, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, batch.Key, batch.Body);
                    Assert.Equal(200, status);
                    acknowledged[batch.Key] = json.GetProperty("rows").GetRawText();
                }
                catch (HttpRequestException)
                {
                    // The process died: this batch was not acknowledged and is sent again next round.
                    return false;
                }
            }

            return true;
        });
        return (await Task.WhenAll(clients)).All(finished => finished);
    }

    private void AssertEveryCdrRatedOnceAtItsCharge(IEnumerable<string> answers)
    {
        // Each CDR is in exactly one batch, so an answer of "duplicate" would mean a batch was half applied before a crash.
        var outcomes = answers.SelectMany(rows => JsonDocument.Parse(rows).RootElement.EnumerateArray().Select(r => r.Clone())).ToList();
        Assert.Equal(_sample.Rows.Length, outcomes.Count);
        foreach (var row in outcomes)
        {
            var id = row.GetProperty("id").GetString()!;
            if (_sample.Charges.TryGetValue(id, out var charge))
            {
                Assert.Equal("rated", row.GetProperty("outcome").GetString());
                Assert.Equal(charge, IngestionSample.ToMills(row.GetProperty("charge").GetString()!));
            }
            else
            {
                Assert.Equal("rejected", row.GetProperty("outcome").GetString());
            }
        }
    }

    private void AssertJournalHoldsEachCdrOnce()
    {
        using var store = LedgerStore.Open(_data.Path);
        var ids = new List<string>();
        store.ScanJournal(store.JournalBegin, (_, entry) =>
        {
            if (entry[1] == (byte)Ledger.Journal.JournalRecordKind.RatedCdr)
            {
                ids.Add(System.Text.Encoding.UTF8.GetString(Ledger.Journal.RatedCdrCodec.Id(entry)));
            }
        });
        Assert.Equal(_sample.Charges.Keys.Order(), ids.Order());
    }

    public void Dispose()
    {
        _http.Dispose();
        _data.Dispose();
        _sample.Dispose();
    }
}
