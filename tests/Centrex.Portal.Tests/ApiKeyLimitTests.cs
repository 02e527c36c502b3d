using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16, secure by default ("limits on connections, request sizes and rates, so one hostile client cannot take the
/// service from everyone"): a customer holds at most 20 working API keys. The attack against the real serve: a customer's
/// session creates keys over the API as fast as it can, in a loop and in parallel bursts, until refused; the count stays
/// at the limit, the refusal is a 409 naming the limit (beside the button on My Profile), the operator's tools meet the
/// same limit for that customer, another customer still makes keys, and a revoked key makes room for one more.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApiKeyLimitTests(PortalServer server)
{
    private const int Limit = 20;

    [Fact]
    public async Task ACustomerMintingKeys_StopsAtTheLimit_AndOthersStillMakeTheirs()
    {
        using var hostile = await TestCustomers.Add(server, "CUST-KCAP", "cust-kcap");

        // Sequentially until refused (at most a few past the limit: the loop stops at the first refusal).
        var made = 0;
        HttpResponseMessage? refusal = null;
        for (var i = 0; i < Limit + 5 && refusal is null; i++)
        {
            var response = await CustomerPagesApiTests.Send(hostile, HttpMethod.Post, "/api/v1/me/api-keys", new { name = $"flood {i}", scopes = new[] { "me:read" } });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                made++;
            }
            else
            {
                refusal = response;
            }
        }

        Assert.Equal(Limit, made);
        Assert.NotNull(refusal);
        Assert.Equal(HttpStatusCode.Conflict, refusal.StatusCode);
        var error = await refusal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("too-many-keys", "keys"), (error.GetProperty("error").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("you already have 20 working API keys, the most a customer may hold", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        // A burst in parallel at the limit: every one refused, none slips past the count.
        var token = await hostile.CsrfAsync();
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/api-keys") { Content = JsonContent.Create(new { name = $"burst {i}", scopes = new[] { "me:read" } }) };
            request.Headers.Add("X-CSRF-Token", token);
            using var response = await hostile.Http.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.All(burst, s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(Limit, await Working(hostile));

        // My Profile says so beside the Create key button.
        var page = await BillingPagesTests.Form(hostile, "/customer/profile", "CreateKey", ("name", "one more"), ("scopes", "me:read"));
        Assert.Contains("<div class=\"field-error\" id=\"keys-error\" role=\"alert\">you already have 20 working API keys", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-key\"", page, StringComparison.Ordinal);

        // The operator's tools count the same keys: the CLI and the operator's API are refused for this customer too.
        var cli = await PortalServer.Run(null, "apikey", "create", "--data", server.Data, "--customer", "CUST-KCAP", "--scope", "me:read");
        Assert.Equal(2, cli.Exit);
        Assert.Contains("customer CUST-KCAP already holds 20 working API keys", cli.Error, StringComparison.Ordinal);
        using var op = await Sessions.SignedIn(server, "operator");
        var byOperator = await CustomerPagesApiTests.Send(op, HttpMethod.Post, "/api/v1/operator/customers/CUST-KCAP/api-keys", new { name = "from the operator", scopes = new[] { "me:read" } });
        Assert.Equal(HttpStatusCode.Conflict, byOperator.StatusCode);
        Assert.Equal(Limit, await Working(hostile));

        // Another customer is not held back by this one.
        using var other = await TestCustomers.Add(server, "CUST-KCAP2", "cust-kcap2");
        Assert.Equal(HttpStatusCode.Created, (await CustomerPagesApiTests.Send(other, HttpMethod.Post, "/api/v1/me/api-keys", new { name = "mine", scopes = new[] { "me:read" } })).StatusCode);

        // Revoked keys do not count: one revoked, one more made, and the limit holds again.
        var first = (await hostile.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys"))[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await CustomerPagesApiTests.Send(hostile, HttpMethod.Delete, $"/api/v1/me/api-keys/{first}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CustomerPagesApiTests.Send(hostile, HttpMethod.Post, "/api/v1/me/api-keys", new { name = "rotated", scopes = new[] { "me:read" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CustomerPagesApiTests.Send(hostile, HttpMethod.Post, "/api/v1/me/api-keys", new { name = "again", scopes = new[] { "me:read" } })).StatusCode);
        Assert.Equal(Limit, await Working(hostile));
    }

    [Fact]
    public async Task AKeysLabel_IsAtMost60Characters_OnThePage_OverTheApi_AndInTheCli()
    {
        using var me = await TestCustomers.Add(server, "CUST-KLEN", "cust-klen");
        var tooLong = new string('x', 61);
        var response = await CustomerPagesApiTests.Send(me, HttpMethod.Post, "/api/v1/me/api-keys", new { name = tooLong, scopes = new[] { "me:read" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("name", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var page = await BillingPagesTests.Form(me, "/customer/profile", "CreateKey", ("name", tooLong), ("scopes", "me:read"));
        Assert.Contains("<div class=\"field-error\" id=\"name-error\">a label for the key (who or what uses it), at most 60 characters</div>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await CustomerPagesApiTests.Send(me, HttpMethod.Post, "/api/v1/me/api-keys", new { name = new string('x', 60), scopes = new[] { "me:read" } })).StatusCode);

        var cli = await PortalServer.Run(null, "apikey", "create", "--data", server.Data, "--customer", "CUST-KLEN", "--scope", "me:read", "--name", tooLong);
        Assert.Equal(2, cli.Exit);
        Assert.Contains("--name is at most 60 characters", cli.Error, StringComparison.Ordinal);
    }

    private static async Task<int> Working(PortalClient client) =>
        (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/api-keys")).EnumerateArray().Count(k => k.GetProperty("revoked").ValueKind == JsonValueKind.Null);
}
