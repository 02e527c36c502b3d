using System.Net.Http.Json;
using System.Text.Json;

namespace Centrex.Portal.Tests.Support;

/// <summary>Signed-in clients for the demo's logins.</summary>
public static class Sessions
{
    /// <summary>A client signed in as <paramref name="login"/> (a demo login).</summary>
    public static async Task<PortalClient> SignedIn(PortalServer server, string login)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = new PortalClient(server.BaseAddress);
        var response = await client.LoginAsync(login, server.Password(login));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Found, $"login {login}: {response.StatusCode}");
        return client;
    }

    /// <summary>Waits for the call-log index to have the customer's calls (it follows the journal every half second).</summary>
    public static async Task WaitForCalls(PortalClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var i = 0; i < 100; i++)
        {
            var page = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=10");
            if (page.GetProperty("total").GetInt64() > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the call-log index never caught up with the journal");
    }

}
