using System.Net;
using System.Text;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// A change made in the portal reaches the running switch (issue 16: "takes effect in the running switch within a
/// second"): a customer sets its line's SIP password through the API, twice, and after each answer a phone registers
/// with the new password at its first try, and at the end no longer with the old one. The portal answers once the
/// switch has the change (it waits at most a second for the reload), so the first try after the answer is what the
/// product promises; how many milliseconds that try takes on the shared serve is the host's (one run under heavy load
/// measured 1009 ms for an accepted try), and LiveWithinASecondTests measures it on its own server.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class LiveSwitchTests(PortalServer server)
{
    [Fact]
    public async Task ASipPasswordSetInThePortal_IsTheOneTheRunningSwitchChallengesWith()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");

        // The first registration after each answer already works (SwitchPhones: the portal answers once the switch has it).
        foreach (var password in (string[])["first-live-password", "second-live-password"])
        {
            await SetPassword(on, password);
            await SwitchPhones.RegistersAtTheFirstTry(server, "on201", password);
        }

        Assert.NotEqual(0, SwitchPhones.Register(server, "on201", "first-live-password").ExitCode);
    }

    // Sets ACC-1002's SIP password; returns once the portal answered.
    private static async Task SetPassword(PortalClient client, string password)
    {
        var csrf = await client.CsrfAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/lines/ACC-1002/sip-password")
        {
            Content = new StringContent($$"""{"password":"{{password}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", csrf);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
