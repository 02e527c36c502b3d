using System.Diagnostics;

namespace Centrex.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) on the real program: the commands stop through the cancellation token System.CommandLine passes to
/// their actions (issue 13), rate with exit code 130 and no output file, serve with its orderly stop.
/// </summary>
public sealed class InterruptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Rate_CtrlC_StopsTheRun_Exit130_AndWritesNoOutputFile()
    {
        Assert.Equal(0, CliRun.Invoke("generate", "--out", _folder.Path, "--rows", "4000000", "--prefixes", "300").ExitCode);
        using var rate = Start("rate", "--tariff", _folder.File("tariff.csv"), "--cdrs", _folder.File("cdrs.csv"),
            "--out", _folder.File("rated.csv"), "--rejects", _folder.File("rejects.csv"));
        var error = rate.StandardError.ReadToEndAsync();

        // The partial outputs appear once the run has started, after the command line listens for Ctrl+C.
        var started = Stopwatch.StartNew();
        while (!File.Exists(_folder.File("rated.csv.partial")) && !rate.HasExited && started.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(2);
        }

        await Signal(rate, "-INT");
        Assert.True(rate.WaitForExit(TimeSpan.FromSeconds(60)), "rate stopped");
        Assert.Equal(130, rate.ExitCode);
        Assert.Contains("centrex rate: interrupted; no output files were written", await error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path, "re*.csv*"));
    }

    [Fact]
    public async Task Serve_CtrlC_StopsInOrder_Exit0()
    {
        var directory = _folder.Write("switch.json", SwitchProvisioning.Json());
        using var serve = Start("serve", "--sip", "127.0.0.1:0", "--data", _folder.File("data"), "--directory", directory);
        Assert.StartsWith("sip udp ", await serve.StandardOutput.ReadLineAsync(), StringComparison.Ordinal);
        Assert.StartsWith("sip tcp ", await serve.StandardOutput.ReadLineAsync(), StringComparison.Ordinal);

        await Signal(serve, "-INT");
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(60)), "serve stopped");
        var error = await serve.StandardError.ReadToEndAsync();
        Assert.True(serve.ExitCode == 0, $"exit {serve.ExitCode}: {error}");
        Assert.Contains("centrex serve: stopped", error, StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "centrex")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    // Sent with kill(2) itself, not by starting kill(1): under a loaded suite starting a process took longer than rate
    // took to finish its rows (2,000,000 then; it exited 0 once, the signal arriving after the run), so the test raced it.
    private static Task Signal(Process process, string signal)
    {
        var number = signal switch { "-INT" => 2, "-TERM" => 15, _ => throw new ArgumentException(signal, nameof(signal)) };
        Assert.Equal(0, Kill(process.Id, number));
        return Task.CompletedTask;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
