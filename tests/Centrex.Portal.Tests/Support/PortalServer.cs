using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// The real <c>centrex</c> program on a real data directory: <c>demo</c> (sample customers, a month of rated calls,
/// two billed months, one operator and one login per customer, their passwords printed, the customers' phones, the test
/// payment gateway), then <c>serve --http</c> on a
/// free loopback port with the demo's tariff, as a child process. Shared by the tests of one collection and stopped with
/// SIGTERM at the end.
/// </summary>
public partial class PortalServer : IAsyncLifetime
{

    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private Process? _serve;
    private readonly System.Text.StringBuilder _error = new();

    /// <summary>The data directory.</summary>
    public string Data { get; } = Path.Combine(Path.GetTempPath(), "centrex-portal-tests-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>Where the portal answers, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the switch listens for SIP over UDP.</summary>
    public System.Net.IPEndPoint SipUdp { get; private set; } = null!;

    /// <summary>An API key with every scope (<c>apikey create</c>).</summary>
    public string ApiKey { get; private set; } = string.Empty;

    /// <summary>An API key with only <c>balances:read</c>.</summary>
    public string BalancesKey { get; private set; } = string.Empty;

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

    /// <summary>The SIP password of ACC-1001 (user qc101) when serve starts.</summary>
    public const string SipPassword = "qc101-secret";

    /// <summary>
    /// SIP credentials and extensions for ACC-1001 (CUST-QC, its MD5 HA1 filled in for <see cref="SipPassword"/>) and ACC-1002
    /// (CUST-ON, a hash of no password); MD5 offered first, the only digest sipp answers.
    /// </summary>
    public const string SwitchLines = """
        { "format": "centrex-provisioning/1",
          "switch": { "realm": "centrex", "digest_algorithms": ["MD5", "SHA-256"] },
          "accounts": [
            { "id": "ACC-1001", "customer": "CUST-QC", "type": "credit", "credit_limit": "500.00", "site": "Atelier", "requires_911": true,
              "discount_plans": ["DP-UK", "DP-INTL"], "extension": "101", "extension_name": "Isabelle",
              "sip": { "username": "qc101", "ha1_md5": "QC101-HA1" } },
            { "id": "ACC-1002", "customer": "CUST-ON", "type": "credit", "credit_limit": "1000.00", "site": "Front desk", "requires_911": true,
              "discount_plans": ["DP-INTL"], "extension": "201", "sip": { "username": "on201", "ha1_md5": "00000000000000000000000000000000" } } ] }
        """;

    /// <summary>The running serve's process id (its memory is read from /proc by the long-export tests).</summary>
    public int ProcessId => _serve?.Id ?? throw new InvalidOperationException("serve is not running");

    /// <summary>The password the demo printed for <paramref name="login"/>.</summary>
    public string Password(string login) => _passwords[login];

    /// <summary>How long serve may take to answer and start its switch (a large journal's counters are rebuilt before the switch starts).</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    /// <summary>What serve is given as <c>--data</c> (the full path <see cref="Data"/>, unless a fixture gives it relative).</summary>
    protected virtual string DataArgument => Data;

    /// <summary>The working directory serve starts in (null: the tests').</summary>
    protected virtual string? ServeDirectory => null;

    /// <summary>The <c>--tariff</c> serve rates with.</summary>
    protected virtual string Tariff => Path.Combine(Data, "demo", "tariff.csv");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Data);
        await Arrange();
        ApiKey = (await RunHere(null, "apikey", "create", "--data", Data, "--scope", "cdr-batches:write", "--scope", "balances:read")).Output.Trim();
        BalancesKey = (await RunHere(null, "apikey", "create", "--data", Data, "--scope", "balances:read")).Output.Trim();
        await StartServe();
    }

    /// <summary>Fills the data directory before serve starts: the demo, and two of its lines as phones of the switch.</summary>
    protected virtual async Task Arrange()
    {
        var demo = await Run(null, "demo", "--data", Data, "--rows", "3000");
        Assert.True(demo.Exit == 0, demo.Error);
        foreach (Match m in LoginLine().Matches(demo.Output))
        {
            _passwords[m.Groups[1].Value] = m.Groups[2].Value;
        }

        Assert.True(_passwords.ContainsKey("operator") && _passwords.ContainsKey("cust-qc"), demo.Output);
        // Two of the demo's lines become phones of the switch (a SIP user, an extension), as an operator would provision them.
        var lines = Path.Combine(Data, "lines.json");
        await File.WriteAllTextAsync(lines, SwitchLines.Replace("QC101-HA1", Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("qc101:centrex:" + SipPassword))), StringComparison.Ordinal));
        var import = await Run(null, "provision", "import", "--data", Data, lines);
        Assert.True(import.Exit == 0, import.Error);
    }

    /// <summary>Creates a login with a known password (<c>user add --password-stdin</c>).</summary>
    public async Task AddLogin(string login, string? customer, string password)
    {
        var run = await RunHere(password + "\n", ["user", "add", login, "--data", Data, .. customer is null ? new[] { "--operator" } : ["--customer", customer], "--password-stdin"]);
        Assert.True(run.Exit == 0, run.Error);
        _passwords[login] = password;
    }

    /// <summary>Creates a login as <see cref="AddLogin"/> does, set to use the portal in French (<c>user language LOGIN fr</c>).</summary>
    public async Task AddFrenchLogin(string login, string? customer, string password)
    {
        await AddLogin(login, customer, password);
        var set = await Run(null, "user", "language", login, "fr", "--data", Data);
        Assert.True(set.Exit == 0, set.Error);
        Assert.Contains("uses the portal in fr", set.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>centrex</c> to completion.</summary>
    public static Task<(int Exit, string Output, string Error)> Run(string? input, params string[] args) => Run(Info(args), input);

    /// <summary>Runs <c>centrex</c> to completion as this server's commands run (<see cref="Prepare"/>: e.g. on its clock).</summary>
    protected Task<(int Exit, string Output, string Error)> RunHere(string? input, params string[] args)
    {
        var info = Info(args);
        Prepare(info);
        return Run(info, input);
    }

    /// <summary>What every command of this server and its serve start with (nothing here; a fixture's own clock).</summary>
    protected virtual void Prepare(ProcessStartInfo info)
    {
    }

    private static async Task<(int Exit, string Output, string Error)> Run(ProcessStartInfo info, string? input)
    {
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, await error);
    }

    public async Task DisposeAsync()
    {
        await StopServe();
        try
        {
            Directory.Delete(Data, recursive: true);
        }
        catch (IOException)
        {
            // A test's leftovers must not fail the run.
        }
    }

    /// <summary>Stops serve with SIGTERM (its ledger checkpoints as it stops); <see cref="StartServe"/> starts it again on the same data.</summary>
    public async Task StopServe()
    {
        if (_serve is { HasExited: false } serve)
        {
            using (var term = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await serve.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                serve.Kill(entireProcessTree: true);
            }
        }

        _serve?.Dispose();
        _serve = null;
    }

    /// <summary>Starts serve on <see cref="Data"/> and waits until its portal and switch answer.</summary>
    public async Task StartServe()
    {
        // Every test and the browser log in from 127.0.0.1: one address stands for many users here, so its login bound
        // is lifted (LoginThrottleTests checks the default on a serve of its own).
        var info = Info(["serve", "--data", DataArgument, "--http", "127.0.0.1:0", "--sip", "127.0.0.1:0", "--tariff", Tariff,
            "--http-login-burst", "100000", "--http-login-rate", "100000",
            "--http-change-burst", "100000", "--http-change-rate", "100000"]);
        info.WorkingDirectory = ServeDirectory ?? info.WorkingDirectory;
        Prepare(info);
        var process = Process.Start(info)!;
        _serve = process;
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sipReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ServeLine().Match(line) is { Success: true } m)
            {
                address.TrySetResult(m.Groups[1].Value);
            }
            else if (e.Data is { } sip && sip.StartsWith("sip udp ", StringComparison.Ordinal))
            {
                SipUdp = System.Net.IPEndPoint.Parse(sip["sip udp ".Length..]);
                sipReady.TrySetResult();
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
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(address.Task, exited, Task.Delay(StartTimeout));
        Assert.True(first == address.Task, $"serve did not start: {Error}");
        BaseAddress = new Uri(await address.Task);
        Assert.True(await Task.WhenAny(sipReady.Task, Task.Delay(StartTimeout)) == sipReady.Task, $"the switch did not start: {Error}");
    }

    private static ProcessStartInfo Info(string[] args) => CentrexCommand.Info(args);

    [GeneratedRegex(@"^  (\S+)\s+([A-Za-z0-9]{16})  (?:operator|customer)", RegexOptions.Multiline)]
    private static partial Regex LoginLine();

    [GeneratedRegex(@"^centrex serve: (http://[^ ]+)")]
    private static partial Regex ServeLine();
}
