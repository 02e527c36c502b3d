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
    private readonly List<string> _output = [];
    private TaskCompletionSource _outputChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CentrexProcess(Process process) => _process = process;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    /// <summary>An API key of this serve with every scope.</summary>
    public string ApiKey { get; private init; } = string.Empty;

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

    /// <summary>The lines of standard output so far, in order.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Runs <c>centrex</c> with <paramref name="args"/> to completion.</summary>
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(Info(environment, args));

    /// <summary>Runs <c>centrex</c> with <paramref name="args"/> to completion, started by a shell with <paramref name="umask"/>.</summary>
    public static Task<CliRun> RunUnderUmaskAsync(string umask, params string[] args) => RunAsync(Info(null, args, umask));

    private static async Task<CliRun> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, output, await error);
    }

    /// <summary>Starts <c>centrex serve</c> on a free port and waits until it listens.</summary>
    /// <remarks>An API key with every scope is created in <paramref name="data"/> first, by the real program
    /// (<c>apikey create</c>): <see cref="ApiKey"/>, which <see cref="IngestionSample"/>'s requests send.</remarks>
    public static async Task<CentrexProcess> ServeAsync(string data, string tariff, IReadOnlyDictionary<string, string>? environment = null, params string[] extra) =>
        await ServeAsync(Info(environment, ["serve", "--data", data, "--tariff", tariff, "--http", "127.0.0.1:0", .. extra]), await CreateKeyAsync(data, umask: null));

    /// <summary>
    /// Starts <c>centrex serve</c> without a tariff (the switch alone, from the store in <paramref name="data"/> or a
    /// <c>--directory</c> in <paramref name="extra"/>) with <c>--http</c> on a free port, and waits until it listens.
    /// </summary>
    public static async Task<CentrexProcess> ServeSwitchAsync(string data, params string[] extra) =>
        await ServeAsync(Info(null, ["serve", "--data", data, "--http", "127.0.0.1:0", .. extra]), await CreateKeyAsync(data, umask: null));

    /// <summary>The same, started by a shell with <paramref name="umask"/>.</summary>
    public static async Task<CentrexProcess> ServeUnderUmaskAsync(string umask, string data, string tariff, params string[] extra) =>
        await ServeAsync(Info(null, ["serve", "--data", data, "--tariff", tariff, "--http", "127.0.0.1:0", .. extra], umask), await CreateKeyAsync(data, umask));

    /// <summary>The same, started through <paramref name="wrapper"/> (e.g. <c>prlimit --nofile=1024 --</c>).</summary>
    public static async Task<CentrexProcess> ServeWrappedAsync(string[] wrapper, string data, string tariff, params string[] extra)
    {
        var info = Info(null, ["serve", "--data", data, "--tariff", tariff, "--http", "127.0.0.1:0", .. extra]);
        var program = info.FileName;
        info.FileName = wrapper[0];
        var arguments = info.ArgumentList.ToList();
        info.ArgumentList.Clear();
        foreach (var argument in (string[])[.. wrapper[1..], program, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        return await ServeAsync(info, await CreateKeyAsync(data, umask: null));
    }

    /// <summary>The API key of the serve listening at <paramref name="server"/> (for requests built from its address alone).</summary>
    public static string KeyFor(Uri server) => Keys.TryGetValue(server.Authority, out var key) ? key : string.Empty;

    /// <summary>Creates a key with every scope in <paramref name="data"/> with the real program; returns its text.</summary>
    public static async Task<string> CreateKeyAsync(string data, string? umask, params string[] scopes)
    {
        string[] args = ["apikey", "create", "--data", data, "--name", "tests", .. (scopes.Length == 0 ? ["cdr-batches:write", "balances:read", "metrics:read"] : scopes).SelectMany(s => new[] { "--scope", s })];
        var run = umask is null ? await RunAsync(null, args) : await RunUnderUmaskAsync(umask, args);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("centrex apikey create failed: " + run.Error);
        }

        return run.Out.Trim();
    }

    /// <summary>
    /// Starts <c>centrex serve</c> with <paramref name="args"/> as given (no <c>--http</c> and no API key: the switch
    /// alone) and waits until the switch listens (its <c>sip udp</c> line; <see cref="Output"/> holds what it printed).
    /// </summary>
    public static async Task<CentrexProcess> ServeSipAsync(params string[] args)
    {
        var child = Start(Info(null, ["serve", .. args]), key: string.Empty);
        try
        {
            await child.OutputLineAsync("sip udp ");
        }
        catch
        {
            child.Dispose();
            throw;
        }

        return child;
    }

    /// <summary>
    /// Starts <c>centrex</c> with <paramref name="args"/> as given and returns at once: for a serve that may be refused
    /// (<see cref="ListensAsync"/> tells whether it listened or ended first).
    /// </summary>
    public static CentrexProcess Launch(params string[] args) => Start(Info(null, args), key: string.Empty);

    /// <summary>True once the process prints its HTTP address; false when it ends first (a refused serve).</summary>
    public async Task<bool> ListensAsync()
    {
        try
        {
            BaseAddress = new Uri(await _address.Task.WaitAsync(StartTimeout));
            return true;
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            return false;
        }
    }

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    private static async Task<CentrexProcess> ServeAsync(ProcessStartInfo info, string key)
    {
        var child = Start(info, key);
        try
        {
            child.BaseAddress = new Uri(await child._address.Task.WaitAsync(StartTimeout));
            Keys[child.BaseAddress.Authority] = key;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Task.Delay(100);
            child.Dispose();
            throw new InvalidOperationException($"centrex serve did not start: {child.Error}", e);
        }

        return child;
    }

    /// <summary>Starts the process with its output read line by line as it comes (so it never blocks on a full pipe).</summary>
    private static CentrexProcess Start(ProcessStartInfo info, string key)
    {
        var child = new CentrexProcess(Process.Start(info)!) { ApiKey = key };
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                child.OnOutputLine(line);
            }

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

            lock (child._output)
            {
                var changed = child._outputChanged;
                child._outputChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changed.TrySetResult();
            }
        };
        child._process.Exited += (_, _) =>
        {
            child._address.TrySetException(new InvalidOperationException("centrex serve exited before listening"));
            lock (child._output)
            {
                child._outputChanged.TrySetResult();
            }
        };
        child._process.EnableRaisingEvents = true;
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// The first line of standard output that starts with <paramref name="prefix"/>, once printed (e.g. <c>sip udp </c>:
    /// the switch listens; serve prints the HTTP address first).
    /// </summary>
    public async Task<string> OutputLineAsync(string prefix)
    {
        while (true)
        {
            Task changed;
            lock (_output)
            {
                if (_output.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"centrex exited before printing '{prefix}': {Error}");
                }

                changed = _outputChanged.Task;
            }

            await changed.WaitAsync(StartTimeout);
        }
    }

    /// <summary>
    /// Waits until standard error holds <paramref name="text"/> <paramref name="count"/> times (a line serve writes
    /// when something happened, e.g. a reload of its directory), bounded by the start timeout.
    /// </summary>
    public async Task ErrorTextAsync(string text, int count = 1)
    {
        while (true)
        {
            Task changed;
            lock (_output)
            {
                var error = Error;
                var found = 0;
                for (var at = error.IndexOf(text, StringComparison.Ordinal); at >= 0; at = error.IndexOf(text, at + text.Length, StringComparison.Ordinal))
                {
                    found++;
                }

                if (found >= count)
                {
                    return;
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"centrex exited before writing '{text}' {count} times: {error}");
                }

                changed = _outputChanged.Task;
            }

            try
            {
                await changed.WaitAsync(StartTimeout);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"centrex did not write '{text}' {count} times: {Error}", e);
            }
        }
    }

    private void OnOutputLine(string line)
    {
        lock (_output)
        {
            _output.Add(line);
            var changed = _outputChanged;
            _outputChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
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

    private static ProcessStartInfo Info(IReadOnlyDictionary<string, string>? environment, string[] args, string? umask = null)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "centrex");
        var info = new ProcessStartInfo(umask is null ? program : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (umask is not null)
        {
            // The shell sets the umask and becomes the program (exec), so signals reach centrex itself.
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"umask {umask} && exec \"$0\" \"$@\"");
            info.ArgumentList.Add(program);
        }

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
