using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex user list|disable|enable|unlock</c> (issue 16: the operator takes a login away or lets a locked-out user
/// back in from the server's shell), run as the real program against the sign-in of a real <c>serve</c>: a disabled
/// login cannot sign in through <c>/api/v1/session</c>, enabling it lets it in again, unlock clears a lockout, and
/// <c>user list</c> says which of these holds. An unknown login is exit code 2 naming it.
/// </summary>
public sealed class UserCommandTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _http.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Disable_KeepsTheLoginOut_Enable_LetsItIn_AndUnlock_ClearsALockout()
    {
        Assert.Equal(0, (await Centrex("provision", "import", "--data", _data.Path, SampleProvisioning.Path)).ExitCode);
        var added = await Centrex("user", "add", "Bakery", "--customer", "CUST-QC", "--data", _data.Path);
        Assert.True(added.ExitCode == 0, added.Error);
        var password = added.Out.Trim();
        Assert.Matches("^[A-Za-z0-9]{16}$", password);
        Assert.Equal("active", await Status("bakery"));

        using var serve = await CentrexProcess.ServeSwitchAsync(_data.Path, "--sip", "127.0.0.1:0");
        Assert.Equal(HttpStatusCode.OK, (await SignIn(serve, "bakery", password)).Status);

        var disabled = await Centrex("user", "disable", "BAKERY", "--data", _data.Path);
        Assert.Equal((0, "centrex user: 'Bakery' disabled; its sessions are ended"), (disabled.ExitCode, disabled.Error.Trim()));
        Assert.Equal("disabled", await Status("bakery"));
        Assert.Equal((HttpStatusCode.Forbidden, "disabled"), await SignIn(serve, "bakery", password));

        Assert.Equal(0, (await Centrex("user", "enable", "bakery", "--data", _data.Path)).ExitCode);
        Assert.Equal("active", await Status("bakery"));
        Assert.Equal(HttpStatusCode.OK, (await SignIn(serve, "bakery", password)).Status);

        // Five wrong passwords in a row lock the login (LoginService.LockAfter); the right one is refused then too.
        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await SignIn(serve, "bakery", "wrong-password-" + i)).Status);
        }

        Assert.Equal((HttpStatusCode.Locked, "locked"), await SignIn(serve, "bakery", password));
        Assert.StartsWith("locked until ", await Status("bakery"), StringComparison.Ordinal);

        var unlocked = await Centrex("user", "unlock", "bakery", "--data", _data.Path);
        Assert.Equal((0, "centrex user: 'Bakery' unlocked"), (unlocked.ExitCode, unlocked.Error.Trim()));
        Assert.Equal("active", await Status("bakery"));
        Assert.Equal(HttpStatusCode.OK, (await SignIn(serve, "bakery", password)).Status);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("enable")]
    [InlineData("unlock")]
    public async Task AnUnknownLogin_IsExitCode2_NamingIt(string command)
    {
        var run = await Centrex("user", command, "nobody", "--data", _data.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"centrex user {command}: no login 'nobody' (see centrex user list)", run.Error.Trim());
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Language_SetsALoginsWebLanguage_AndRefusesAnUnknownLoginOrLanguage()
    {
        Assert.Equal(0, (await Centrex("user", "add", "Noc", "--operator", "--data", _data.Path)).ExitCode);

        var set = await Centrex("user", "language", "NOC", "fr", "--data", _data.Path);
        Assert.Equal((0, "centrex user: 'Noc' uses the portal in fr"), (set.ExitCode, set.Error.Trim()));
        using (var users = global::Centrex.Provisioning.Access.UserStore.Open(_data.Path))
        {
            Assert.Equal("fr", users.List().Single(u => u.Login == "Noc").Language);
        }

        var unknown = await Centrex("user", "language", "nobody", "fr", "--data", _data.Path);
        Assert.Equal((2, "centrex user language: no login 'nobody' (see centrex user list)"), (unknown.ExitCode, unknown.Error.Trim()));
        var german = await Centrex("user", "language", "noc", "de", "--data", _data.Path);
        Assert.Equal((2, "centrex user language: LANGUAGE 'de' is not one of en, fr"), (german.ExitCode, german.Error.Trim()));
        using (var users = global::Centrex.Provisioning.Access.UserStore.Open(_data.Path))
        {
            Assert.Equal("fr", users.List().Single(u => u.Login == "Noc").Language);
        }
    }

    [Fact]
    public async Task Add_ForAnUnknownCustomer_IsExitCode2_NamingTheOption_AndAddsNothing()
    {
        Assert.Equal(0, (await Centrex("provision", "import", "--data", _data.Path, SampleProvisioning.Path)).ExitCode);
        var run = await Centrex("user", "add", "someone", "--customer", "CUST-XX", "--data", _data.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--customer 'CUST-XX' is not a provisioned customer", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("someone", (await Centrex("user", "list", "--data", _data.Path)).Out, StringComparison.Ordinal);
    }

    private static Task<CliRun> Centrex(params string[] args) => CentrexProcess.RunAsync(null, args);

    /// <summary>The status column of <paramref name="login"/>'s row in <c>user list</c>.</summary>
    private async Task<string> Status(string login)
    {
        var list = await Centrex("user", "list", "--data", _data.Path);
        Assert.Equal(0, list.ExitCode);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var status = lines[0].IndexOf("status", StringComparison.Ordinal);
        Assert.True(status > 0, list.Out);
        return lines.Single(l => l.StartsWith(login + " ", StringComparison.OrdinalIgnoreCase))[status..].Trim();
    }

    private async Task<(HttpStatusCode Status, string? Error)> SignIn(CentrexProcess serve, string login, string password)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(serve.BaseAddress, "/api/v1/session"), new { login, password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.TryGetProperty("error", out var error) ? error.GetString() : null);
    }
}
