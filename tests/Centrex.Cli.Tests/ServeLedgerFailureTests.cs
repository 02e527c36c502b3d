namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 13, item 2: a <c>centrex serve</c> whose ledger failed during the run (here a disk that fills up, the kernel's
/// own ENOSPC on a small tmpfs) must not stop with exit 0 and "every acknowledged batch and call is committed".
/// </summary>
public sealed class ServeLedgerFailureTests : IDisposable
{
    private readonly IngestionSample _sample = new(rows: 200);
    private readonly TempFolder _folder = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task LedgerFailsDuringTheRun_StopExitsOne_SayingWhatWasNotCommitted_AndTheCommittedPartVerifies()
    {
        using var disk = Mount.Tmpfs(_folder.File("disk"), "size=160m");
        using var serve = await CentrexProcess.ServeAsync(disk.Path, _sample.Tariff);
        var (committed, _) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "before-full", _sample.Body(_sample.Rows[..50]));
        Assert.Equal(200, committed);

        // Leave less than the reserve the ledger keeps for commits and checkpoints (64 MiB): the next commit is refused.
        Fill(Path.Combine(disk.Path, "filler"), new DriveInfo(disk.Path).AvailableFreeSpace - (16L << 20));
        var (refused, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "after-full", _sample.Body(_sample.Rows[50..100]));
        var (later, _) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "later", _sample.Body(_sample.Rows[100..150]));
        Assert.Equal((503, 503), (refused, later));
        Assert.Equal("ledger-unavailable", json.GetProperty("error").GetString());

        Assert.Equal(1, await serve.StopAsync());
        Assert.Contains("stopped after a ledger failure", serve.Error, StringComparison.Ordinal);
        Assert.Contains("is full", serve.Error, StringComparison.Ordinal);
        Assert.Contains("Not committed: 2 submissions refused since", serve.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("every acknowledged batch and call is committed", serve.Error, StringComparison.Ordinal);

        File.Delete(Path.Combine(disk.Path, "filler"));
        var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", disk.Path);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
        _sample.Dispose();
    }

    /// <summary>Writes real bytes (a sparse file would take no space on tmpfs).</summary>
    private static void Fill(string path, long bytes)
    {
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)0xA5);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
    }
}
