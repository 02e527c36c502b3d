namespace Centrex.Cli.Tests;

/// <summary>A full disk and a read-only data directory: a clear error, nothing corrupted, nothing half-charged.</summary>
public sealed class DiskFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task FullDisk_StopsRatingWithAClearError_AndTheLedgerStaysConsistent()
    {
        var generate = CliRun.Invoke("generate", "--out", _folder.Path, "--rows", "400000", "--bad-per-10000", "0");
        Assert.Equal(0, generate.ExitCode);
        using var disk = Mount.Tmpfs(_folder.File("disk"), "size=96m");
        string[] rate = ["rate", "--tariff", _folder.File("tariff.csv"), "--cdrs", _folder.File("cdrs.csv"), "--out", _folder.File("rated.csv"),
            "--rejects", _folder.File("rejects.csv"), "--data", disk.Path];

        var (exit, _, error) = await CentrexProcess.RunAsync(null, rate);

        Assert.Equal(1, exit);
        Assert.Contains("is full", error, StringComparison.Ordinal);
        Assert.Contains("no output file was written", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("rated.csv")));
        var verify = await CentrexProcess.RunAsync(null, "journal", "verify", "--data", disk.Path);
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("consistent", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyDataDirectory_IsAClearError_ForRateAndServe()
    {
        var generate = CliRun.Invoke("generate", "--out", _folder.Path, "--rows", "100", "--bad-per-10000", "0");
        Assert.Equal(0, generate.ExitCode);
        using var disk = Mount.Tmpfs(_folder.File("ro"), "ro,size=1m");

        var (rateExit, _, rateError) = await CentrexProcess.RunAsync(null, "rate", "--tariff", _folder.File("tariff.csv"), "--cdrs", _folder.File("cdrs.csv"),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"), "--data", disk.Path);
        var (serveExit, _, serveError) = await CentrexProcess.RunAsync(null, "serve", "--data", disk.Path, "--tariff", _folder.File("tariff.csv"), "--http", "127.0.0.1:0");

        Assert.Equal((1, 1), (rateExit, serveExit));
        Assert.Contains("Read-only file system", rateError, StringComparison.Ordinal);
        Assert.Contains("cannot be used", serveError, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("rated.csv")));
    }

    public void Dispose() => _folder.Dispose();
}
