using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16 review, item 7, over the served API: the refusals a customer's dial plan changes get now name their field.
/// A pickup prefix that is one of the customer's extensions (accepted before) is refused on <c>pickup_prefix</c>; an
/// abbreviated number the pickup prefix would swallow is refused naming that prefix; an abbreviated number's bad value
/// names <c>dial</c> (the field was null); a member a route does not know is refused naming it (it was ignored, and the
/// code stored as "dial as is"); a value of the wrong kind names its field. Nothing refused is stored.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DialPlanRefusalTests(PortalServer server)
{
    [Fact]
    public async Task DialPlanChanges_AreRefusedNamingTheField_AndNothingIsStored()
    {
        using var client = await Sessions.SignedIn(server, "cust-qc");
        var before = await client.Http.GetStringAsync("/api/v1/me/dial-plan");
        var features = await client.Http.GetStringAsync("/api/v1/me/incoming-calls");
        var extension = (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines")).EnumerateArray()
            .Select(l => l.GetProperty("extension").GetString()).First(e => e is not null)!;

        (string Path, string Json, string Field, string Says)[] refused =
        [
            ("/api/v1/me/incoming-calls", $$"""{"pickup_prefix":"{{extension}}"}""", "pickup_prefix", $"extension {extension} is dialed as the pickup prefix's feature"),
            ("/api/v1/me/dial-plan/abbreviated/*771", """{"dial":""}""", "pickup_prefix", "abbreviated number *771 is dialed as the pickup prefix's feature"),
            ("/api/v1/me/dial-plan/abbreviated/57", """{"dial":"1 2"}""", "dial", "which has spaces"),
            ("/api/v1/me/dial-plan/abbreviated/57", """{"number":"ACC-1001"}""", "number", "unknown field \"number\" (known: dial, description)"),
            ("/api/v1/me/dial-plan/abbreviated/57", """{"dial":5}""", "dial", "field \"dial\" is not of the kind"),
            ("/api/v1/me/incoming-calls", """{"pickup_prefix":"*8","extra":true}""", "extra", "unknown field \"extra\""),
        ];
        foreach (var (path, json, field, says) in refused)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
            using var response = await client.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {json}: {(int)response.StatusCode} {body}");
            var error = JsonDocument.Parse(body).RootElement;
            Assert.True(error.GetProperty("field").GetString() == field, $"{path} {json}: {body}");
            Assert.Contains(says, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await client.Http.GetStringAsync("/api/v1/me/dial-plan"));
        Assert.Equal(features, await client.Http.GetStringAsync("/api/v1/me/incoming-calls"));
    }
}
