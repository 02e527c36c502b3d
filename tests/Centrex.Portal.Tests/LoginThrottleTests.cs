using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Centrex.Portal.Security;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The attack, against a real serve with the default bound: one address sprays made-up logins (each still costs a slow
/// PBKDF2 check, and no lockout stops them) to take the process's CPU. Past its burst it gets 429 with Retry-After,
/// unchecked, and a user from another address still logs in at once.
/// </summary>
public sealed class LoginThrottleTests
{
    private const string Password = "right-password-123";

    [Fact]
    public async Task AnAddressSprayingLogins_Gets429PastItsBurst_WhileAnotherAddressLogsIn()
    {
        await using var serve = new OwnServe("centrex-login-");
        await serve.AddLogin("ops", null, Password);
        var address = (await serve.StartAsync())[0];
        using var attacker = new HttpClient { BaseAddress = address };
        // Enough that the bound must refuse some even on a host so loaded that serve takes a minute to take them all
        // in (80 were all checked once at load average 90: each arrived after the bucket had refilled).
        const int Attempts = 240;
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i =>
            attacker.PostAsJsonAsync("/api/v1/session", new { login = $"nobody-{i}", password = $"guess-{i}" })));
        var seconds = clock.Elapsed.TotalSeconds;

        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var checkedOnes = answers.Length - throttled.Count;
        var allowed = LoginLimits.Default.Burst + (int)Math.Ceiling(seconds * LoginLimits.Default.PerSecond) + LoginLimits.Default.PerSecond;
        Assert.True(checkedOnes <= allowed, $"{checkedOnes} of {Attempts} guesses were checked in {seconds:0.0} s; at most {allowed} may be");
        Assert.NotEmpty(throttled);
        Assert.All(throttled, a => Assert.Equal("1", a.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Another address (127.0.0.2: still loopback) has its own bound: the operator logs in at once.
        using var colleague = SecondLoopback.Client(address);
        var login = await colleague.PostAsJsonAsync("/api/v1/session", new { login = "ops", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
