using System.Diagnostics;
using System.Net;
using System.Text;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// A change made in the portal reaches the running switch (issue 16: "takes effect in the running switch within a
/// second"): a customer sets its line's SIP password through the API, and a phone (sipp) registers with the new
/// password and no longer with the old one, the switch having taken the change from the provisioning store it watches.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LiveSwitchTests(PortalServer server)
{
    [Fact]
    public async Task ASipPasswordSetInThePortal_IsTheOneTheRunningSwitchChallengesWith()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");

        await SetPassword(on, "first-live-password");
        var first = await RegistersWithin("first-live-password", TimeSpan.FromSeconds(5));
        await SetPassword(on, "second-live-password");
        var second = await RegistersWithin("second-live-password", TimeSpan.FromSeconds(5));
        var old = Sipp.Run("register", server.SipUdp, Sipp.FreeUdpPort(), "-s", "on201", "-au", "on201", "-ap", "first-live-password");

        Assert.NotEqual(0, old.ExitCode);
        // Each wait includes starting sipp (a process) at least once; the switch itself reloads within a second.
        Assert.True(first < TimeSpan.FromSeconds(5) && second < TimeSpan.FromSeconds(5), $"{first}, {second}");
    }

    private static async Task SetPassword(PortalClient client, string password)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/lines/ACC-1002/sip-password")
        {
            Content = new StringContent($$"""{"password":"{{password}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.SendAsync(request)).StatusCode);
    }

    // Registers as on201 until it works (the switch has the change) or the deadline passes: how long it took.
    private async Task<TimeSpan> RegistersWithin(string password, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < deadline)
        {
            var run = Sipp.Run("register", server.SipUdp, Sipp.FreeUdpPort(), "-s", "on201", "-au", "on201", "-ap", password);
            if (run.ExitCode == 0)
            {
                return clock.Elapsed;
            }

            last = run.Output;
        }

        Assert.Fail($"on201 never registered with the new password within {deadline}: {last}");
        return deadline;
    }
}
