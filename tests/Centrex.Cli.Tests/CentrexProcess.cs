using System.Diagnostics;

namespace Centrex.Cli.Tests;

/// <summary>
/// The real <c>centrex</c> program (the apphost built next to the tests) as a child process: <c>serve</c> with an API
/// on a free loopback port, read from the line it prints once it listens, stopped with SIGTERM or killed with SIGKILL.
/// </summary>
internal sealed class CentrexProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _error = new();

    private CentrexProcess(Process process) => _process = process;

    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the process wrote to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Runs <c>centrex</c> with <paramref name="args"/> to completion.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(Info(environment, args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, output, await error);
    }

    /// <summary>Starts <c>centrex serve</c> on a free port and waits until it listens.</summary>
    public static async Task<CentrexProcess> ServeAsync(string data, string tariff, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var child = new CentrexProcess(Process.Start(Info(environment, ["serve", "--data", data, "--tariff", tariff, "--http", "127.0.0.1:0", .. extra]))!);
        child._process.OutputDataReceived += (_, e) =>
        {
            var at = e.Data?.IndexOf("http://", StringComparison.Ordinal) ?? -1;
            if (at >= 0)
            {
                child._address.TrySetResult(e.Data![at..].Split(' ')[0]);
            }
        };
        child._process.ErrorDataReceived += (_, e) =>
        {
            lock (child._error)
            {
                child._error.AppendLine(e.Data);
            }
        };
        child._process.Exited += (_, _) => child._address.TrySetException(new InvalidOperationException("centrex serve exited before listening"));
        child._process.EnableRaisingEvents = true;
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            child.BaseAddress = new Uri(await child._address.Task.WaitAsync(StartTimeout));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Task.Delay(100);
            child.Dispose();
            throw new InvalidOperationException($"centrex serve did not start: {child.Error}", e);
        }

        return child;
    }

    /// <summary>SIGKILL: the process dies at once, as when the box loses power (minus the disk cache).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for the orderly stop; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    /// <summary>Waits for the process to end on its own (a crash point kills it).</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static ProcessStartInfo Info(IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "centrex"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
