using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Centrex.Portal.Security;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16 review, item 7, against a real serve with the default bound: one customer's script sends 160 changes at once
/// (each would validate the whole provisioning store and reload the switch). Past its burst it gets 429 with
/// Retry-After and the reason, and those changes are not made; another customer's change at the same moment is made.
/// </summary>
public sealed partial class ChangeThrottleTests : IAsyncLifetime
{
    private const string Password = "right-password-123";
    private readonly string _data = Directory.CreateTempSubdirectory("centrex-changes-").FullName;
    private Process? _serve;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_serve is { HasExited: false } serve)
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }

        _serve?.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task ACustomerSendingManyChanges_Gets429PastItsBurst_AndThoseAreNotMade_WhileAnotherCustomersChangeIsMade()
    {
        await Import();
        await AddLogin("busy", "C1");
        await AddLogin("quiet", "C2");
        var address = await ServeAsync();
        using var busy = new PortalClient(address);
        using var quiet = new PortalClient(address);
        Assert.Equal(HttpStatusCode.Redirect, (await busy.LoginAsync("busy", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await quiet.LoginAsync("quiet", Password)).StatusCode);
        var csrf = await busy.CsrfAsync();

        // Enough that their arrival outlasts the refill even on a host at load 90 (LoginThrottleTests saw 80 logins arrive
        // slower than its bucket refilled), and under the 200 abbreviated numbers a customer may keep.
        const int Changes = 160;
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Changes).Select(i => Put(busy, csrf, $"/api/v1/me/dial-plan/abbreviated/{1000 + i}")));
        var seconds = clock.Elapsed.TotalSeconds;
        var other = await Put(quiet, await quiet.CsrfAsync(), "/api/v1/me/dial-plan/abbreviated/55");

        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var made = answers.Count(a => a.StatusCode == HttpStatusCode.NoContent);
        var allowed = ChangeLimits.Default.Burst + (int)Math.Ceiling(seconds * ChangeLimits.Default.PerSecond) + ChangeLimits.Default.PerSecond;
        Assert.True(made + throttled.Count == Changes, string.Join(", ", answers.Select(a => (int)a.StatusCode).Distinct()));
        Assert.InRange(made, ChangeLimits.Default.Burst, allowed);
        Assert.NotEmpty(throttled);
        var refusal = throttled[0];
        Assert.True(refusal.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
        var error = await refusal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rate-limited", error.GetProperty("error").GetString());
        Assert.Contains("too many changes", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The refused ones changed nothing: the table holds exactly the codes answered 204.
        var table = (await busy.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan")).GetProperty("abbreviated_dialing");
        Assert.Equal(made, table.EnumerateObject().Count());
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode); // another customer is not slowed
    }

    private static async Task<HttpResponseMessage> Put(PortalClient client, string csrf, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent("""{"dial":""}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }

    private async Task Import()
    {
        static string Customer(string id) => $$"""
            { "id": "{{id}}", "company": "{{id}} Inc", "contact": "A", "email": "a@x.example",
              "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" }, "time_zone": "America/Halifax" }
            """;
        var file = Path.Combine(_data, "customers.json");
        await File.WriteAllTextAsync(file, $$"""{ "format": "centrex-provisioning/1", "customers": [ {{Customer("C1")}}, {{Customer("C2")}} ] }""");
        using var import = Start(["provision", "import", "--data", _data, file]);
        import.StandardInput.Close();
        await import.WaitForExitAsync();
        Assert.True(import.ExitCode == 0, await import.StandardError.ReadToEndAsync());
    }

    private async Task AddLogin(string login, string customer)
    {
        using var add = Start(["user", "add", "--data", _data, login, "--customer", customer, "--password-stdin"]);
        await add.StandardInput.WriteAsync(Password);
        add.StandardInput.Close();
        await add.WaitForExitAsync();
        Assert.True(add.ExitCode == 0, await add.StandardError.ReadToEndAsync());
    }

    private async Task<Uri> ServeAsync()
    {
        _serve = Start(["serve", "--data", _data, "--http", "127.0.0.1:0"]);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a bound, not a timing check
        while (await _serve.StandardOutput.ReadLineAsync(patience.Token) is { } line)
        {
            if (ServeLine().Match(line) is { Success: true } m)
            {
                return new Uri(m.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("serve ended before listening: " + await _serve.StandardError.ReadToEndAsync());
    }

    private static Process Start(string[] args) => CentrexCommand.Start(args, input: true);

    [GeneratedRegex(@"^centrex serve: (http://[^ ]+)")]
    private static partial Regex ServeLine();
}
