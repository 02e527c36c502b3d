using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// A serve of a test's own: the real <c>centrex serve</c> with the flags the test gives, on a fresh data directory no
/// other test touches, for what the shared <see cref="PortalServer"/> cannot show (the default login and change bounds,
/// which it lifts; an HTTPS listener). Arrange the directory with <see cref="AddLogin"/> and <see cref="Import"/>, then
/// <see cref="StartAsync"/>; disposing kills serve and deletes the directory (xUnit 2 disposes a test class through
/// <see cref="IAsyncLifetime"/>: the test's <c>DisposeAsync</c> calls this one's).
/// </summary>
public sealed partial class OwnServe : IAsyncDisposable
{
    private readonly StringBuilder _error = new();
    private Process? _serve;

    /// <summary>A fresh data directory whose name starts with <paramref name="prefix"/> (e.g. <c>centrex-login-</c>).</summary>
    public OwnServe(string prefix) => Data = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The data directory.</summary>
    public string Data { get; }

    /// <summary>What serve wrote to standard error so far.</summary>
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

    /// <summary>Creates a login with <paramref name="password"/> (<c>user add --password-stdin</c>): an operator's when <paramref name="customer"/> is null.</summary>
    public async Task AddLogin(string login, string? customer, string password)
    {
        var add = await PortalServer.Run(password + "\n", ["user", "add", "--data", Data, login, .. customer is null ? new[] { "--operator" } : ["--customer", customer], "--password-stdin"]);
        Assert.True(add.Exit == 0, add.Error);
    }

    /// <summary>Writes <paramref name="json"/> to <paramref name="name"/> in the data directory and imports it (<c>provision import</c>).</summary>
    public async Task Import(string name, string json)
    {
        var file = Path.Combine(Data, name);
        await File.WriteAllTextAsync(file, json);
        var import = await PortalServer.Run(null, "provision", "import", "--data", Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }

    /// <summary>
    /// Starts <c>serve --data DIR --http 127.0.0.1:0</c> with <paramref name="flags"/> and waits until it has printed
    /// every listener: the plain HTTP one's address, then (when the flags hold <c>--https</c>) the HTTPS one's.
    /// </summary>
    public async Task<IReadOnlyList<Uri>> StartAsync(params string[] flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var process = CentrexCommand.Start(["serve", "--data", Data, "--http", "127.0.0.1:0", .. flags]);
        _serve = process;
        var expected = flags.Contains("--https") ? 2 : 1;
        var listeners = new List<Uri>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Both streams are read to their end, so serve never blocks on a full pipe however much it writes.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ServeLine().Match(line) is { Success: true } m)
            {
                lock (listeners)
                {
                    listeners.Add(new Uri(m.Groups[1].Value));
                    if (listeners.Count == expected)
                    {
                        listening.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A bound, not a timing check: at load 100 serve took over a minute to recover its new ledger and listen.
        var first = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(first == listening.Task, $"serve did not print its {expected} listeners: {Error}");
        lock (listeners)
        {
            return [.. listeners.OrderBy(u => u.Scheme == Uri.UriSchemeHttps)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_serve is { HasExited: false } serve)
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        _serve?.Dispose();
        Directory.Delete(Data, recursive: true);
    }

    [GeneratedRegex(@"^centrex serve: (https?://[^ ]+)")]
    private static partial Regex ServeLine();
}
