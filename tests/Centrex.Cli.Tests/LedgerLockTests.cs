using Centrex.Rating.Money;

namespace Centrex.Cli.Tests;

/// <summary>
/// One writer per ledger (issue 16): a <c>centrex serve</c> left running on a data directory, then a second serve on the
/// same <c>--data</c>, recovered and charged beside the first. Every opener of the ledger now takes the folder's lock,
/// so a second one (serve, <c>rate --data</c>, the CLI readers, which recover and checkpoint as writers do) is refused
/// at once naming the holder, and a holder killed with SIGKILL leaves no lock behind.
/// </summary>
public sealed class LedgerLockTests : IDisposable
{
    private readonly IngestionSample _sample = new(rows: 200);
    private readonly TempFolder _data = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _http.Dispose();
        _data.Dispose();
        _sample.Dispose();
    }

    [Fact]
    public async Task SecondServeRateAndReaders_WhileServeHoldsTheLedger_AreRefusedNamingIt_AndChargeNothing()
    {
        var charged = _sample.Rows[..100];
        using (var first = await ServeCharging(charged))
        {
            var inUse = $"the ledger in {Path.Combine(_data.Path, "ledger")} is in use by process {first.Id} (centrex serve, since ";

            using (var second = CentrexProcess.Launch("serve", "--data", _data.Path, "--tariff", _sample.Tariff, "--http", "127.0.0.1:0"))
            {
                Assert.False(await second.ListensAsync(), "a second serve listened on the ledger the first holds");
                await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
                Assert.NotEqual(0, second.ExitCode);
                Assert.Contains("centrex serve: " + inUse, second.Error, StringComparison.Ordinal);
            }

            var cdrs = _data.Write("more.csv", _sample.Body(_sample.Rows[100..]));
            var rated = _data.File("rated.csv");
            var rate = await CentrexProcess.RunAsync(null, "rate", "--data", _data.Path, "--tariff", _sample.Tariff, "--cdrs", cdrs, "--out", rated, "--rejects", _data.File("rejects.csv"));
            Assert.True(rate.ExitCode != 0, rate.Error);
            Assert.Contains("centrex rate: " + inUse, rate.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(rated));

            // The readers open the ledger as writers do (recovery, a checkpoint): refused too; the running serve answers
            // for balances (API) and verifies its journal on the operator's ledger page.
            var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", _data.Path);
            Assert.True(verify.ExitCode != 0, verify.Out);
            Assert.Contains("centrex journal verify: " + inUse, verify.Error, StringComparison.Ordinal);

            foreach (var (account, expected) in Expected(charged))
            {
                Assert.Equal(expected, await IngestionSample.BalanceAsync(_http, first.BaseAddress, account));
            }

            Assert.True(await first.StopAsync() == 0, first.Error);
        }

        // On disk, once the holder has stopped: the journal holds the first serve's charges and nothing else.
        await AssertLedger(Expected(charged));
    }

    [Fact]
    public async Task AfterTheHolderIsKilled_TheNextWriterTakesTheLedger()
    {
        var charged = _sample.Rows[..100];
        using (var first = await ServeCharging(charged))
        {
            first.Kill(); // SIGKILL: no orderly stop releases anything; the kernel drops the lock with the process
        }

        var cdrs = _data.Write("more.csv", _sample.Body(_sample.Rows[100..]));
        var rate = await CentrexProcess.RunAsync(null, "rate", "--data", _data.Path, "--tariff", _sample.Tariff, "--cdrs", cdrs, "--out", _data.File("rated.csv"), "--rejects", _data.File("rejects.csv"));
        Assert.True(rate.ExitCode == 0, rate.Error);

        await AssertLedger(Expected(_sample.Rows));
    }

    /// <summary>A serve on the data directory that has charged <paramref name="rows"/> through its API.</summary>
    private async Task<CentrexProcess> ServeCharging(string[] rows)
    {
        var serve = await CentrexProcess.ServeAsync(_data.Path, _sample.Tariff);
        try
        {
            var (status, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "first", _sample.Body(rows));
            Assert.True(status == 200, json.GetRawText());
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    /// <summary>The journal verifies and every account's balance on disk is <paramref name="expected"/>.</summary>
    private async Task AssertLedger(Dictionary<string, long> expected)
    {
        var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", _data.Path);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        foreach (var (account, balance) in expected)
        {
            var shown = await CentrexProcess.RunAsync(null, "balance", "--data", _data.Path, "--account", account);
            Assert.True(shown.ExitCode == 0, shown.Error);
            Assert.Contains($"(exact {new Mills(balance)})", shown.Out, StringComparison.Ordinal);
        }
    }

    private Dictionary<string, long> Expected(IEnumerable<string> rows)
    {
        var ids = rows.Select(r => r.Split(',')[0]).ToList();
        return ids.Select(id => _sample.Accounts[id]).Distinct()
            .ToDictionary(a => a, a => -ids.Where(id => _sample.Accounts[id] == a).Sum(id => _sample.Charges.GetValueOrDefault(id)));
    }
}
