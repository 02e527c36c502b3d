using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// A customer changes its lines' switch settings through the API and the pages (issue 16): forwarding and the SIP
/// password go through provisioning's validation into the store the switch reads (the field of a refusal is named), and
/// another customer's line is 404.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LineSettingsTests(PortalServer server)
{
    [Fact]
    public async Task Forwarding_PutThroughTheApi_IsInTheProvisioningStore_AndABadNumberIsRefusedNamingTheField()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var csrf = await qc.CsrfAsync();
        const string followMe = """{"mode":"follow-me","targets":[{"number":"+15145550199","description":"cell","ring_for":15,"display":"caller","enabled":true,"schedule":[{"from":"20:00","to":"08:00","days":["mon","tue","wed","thu","fri"],"months":[1,2,3,4,5,6,7,8,9,10,11,12]}]}]}""";

        var put = await Send(qc, HttpMethod.Put, "/api/v1/me/lines/ACC-1001/forwarding", followMe, csrf);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(Essentials(followMe), Essentials(await qc.Http.GetStringAsync("/api/v1/me/lines/ACC-1001/forwarding")));
        var export = await PortalServer.Run(null, "provision", "export", "--data", server.Data);
        Assert.Contains("15145550199\",\n", export.Output, StringComparison.Ordinal);
        Assert.Contains("\"mode\": \"follow-me\"", export.Output, StringComparison.Ordinal);

        var bad = await Send(qc, HttpMethod.Put, "/api/v1/me/lines/ACC-1001/forwarding", """{"mode":"simple","targets":[{"number":"12ab"}]}""", csrf);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("number", error.GetProperty("field").GetString());
        Assert.Contains("forwarding.targets[0].number", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(Essentials(followMe), Essentials(await qc.Http.GetStringAsync("/api/v1/me/lines/ACC-1001/forwarding")));
    }

    [Fact]
    public async Task AnotherCustomersLine_Is404_ForReadingAndForChanging()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var csrf = await qc.CsrfAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await qc.Http.GetAsync("/api/v1/me/lines/ACC-1002/forwarding")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(qc, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/forwarding", """{"mode":"off"}""", csrf)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(qc, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/sip-password", """{"password":"a-long-password-1"}""", csrf)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qc.Http.GetAsync("/customer/lines/ACC-1002")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qc.Http.GetAsync("/customer/lines/ACC-1002/forwarding")).StatusCode);
        var lines = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines");
        Assert.Equal(["ACC-1001", "ACC-1101", "ACC-1201"], lines.EnumerateArray().Select(l => l.GetProperty("id").GetString())); // the bakery's phones (demo)
    }

    [Fact]
    public async Task ASipPassword_IsStoredOnlyAsTheDigestHashesOfTheSwitchsRealm()
    {
        using var on = await Sessions.SignedIn(server, "cust-on");
        var csrf = await on.CsrfAsync();

        var tooShort = await Send(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/sip-password", """{"password":"short"}""", csrf);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("password", (await tooShort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var put = await Send(on, HttpMethod.Put, "/api/v1/me/lines/ACC-1002/sip-password", """{"password":"correct horse battery"}""", csrf);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var export = (await PortalServer.Run(null, "provision", "export", "--data", server.Data)).Output;
        var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes("on201:centrex:correct horse battery")));
        Assert.Contains($"\"ha1_md5\": \"{md5}\"", export, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse battery", export, StringComparison.Ordinal);
    }

    // The mode and the numbers as sent: the answer also carries the defaults issue 15 added (when, the line's ring time).
    private static string Essentials(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return root.GetProperty("mode").GetString() + " " + root.GetProperty("targets").GetRawText();
    }

    private static async Task<HttpResponseMessage> Send(PortalClient client, HttpMethod method, string path, string json, string csrf)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", csrf);
        return await client.Http.SendAsync(request);
    }
}
