using System.Net;
using System.Net.Http.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16, finding 7: the lockout does not tell a real login from a made-up one. Seven wrong passwords for a
/// login that exists and for one that does not get the same answers in the same order, over the API (401 four times,
/// then 423) and on the login page ("locked" from the fifth on).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UnknownLoginLockoutTests(PortalServer server)
{
    [Fact]
    public async Task WrongPasswords_ForARealLoginAndAMadeUpOne_GetTheSameAnswers()
    {
        await server.AddLogin("lockout-real", "CUST-BC", "right-password-7");
        Assert.Equal(await ApiAnswers("lockout-real"), await ApiAnswers("nobody-here-at-all"));
        Assert.Equal([401, 401, 401, 401, 423, 423, 423], await ApiAnswers("nobody-else-either"));

        await server.AddLogin("lockout-page", "CUST-BC", "right-password-8");
        Assert.Equal(await PageAnswers("lockout-page"), await PageAnswers("no-such-page-login"));
        Assert.Equal([false, false, false, false, true, true, true], await PageAnswers("no-such-page-login-2"));
    }

    private async Task<List<int>> ApiAnswers(string login)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var answers = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await Unthrottled(() => client.PostAsJsonAsync("/api/v1/session", new { login, password = "wrong-password" }));
            answers.Add((int)response.StatusCode);
        }

        return answers;
    }

    // The per-address login throttle (20 at once, then 2 a second) answers 429 without checking: asked again then.
    private static async Task<HttpResponseMessage> Unthrottled(Func<Task<HttpResponseMessage>> send)
    {
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(600);
        }
    }

    // Whether the page said the login is locked, attempt by attempt.
    private async Task<List<bool>> PageAnswers(string login)
    {
        using var client = new PortalClient(server.BaseAddress);
        var answers = new List<bool>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await Unthrottled(() => client.LoginAsync(login, "wrong-password"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((await response.Content.ReadAsStringAsync()).Contains("locked", StringComparison.Ordinal));
        }

        return answers;
    }
}
