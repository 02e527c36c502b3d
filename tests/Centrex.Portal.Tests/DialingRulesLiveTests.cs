using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review item 10, seed 004 "Dialing Rules": a customer of its own (CUST-DIAL, line DIAL-1, SIP user <c>dial1</c>, its
/// calls out through a trunk to a sipp gateway) enables dialing rules on the portal page (outside prefix 9, international
/// 011, national 1, country code 1, area code 416, local numbers of 7 digits): a bad country code is refused beside its
/// field, the page's examples show what the saved rules make of numbers, the API gives and refuses the same, and the
/// running switch uses them: dial1 dials 9 5550123 and the gateway gets the INVITE for +1 416 555 0123. Abbreviated
/// Dialing's Description column and Abbreviated Number Length over the page and the API.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class DialingRulesLiveTests(PortalServer server) : IDisposable
{
    private const string Password = "dial-phone-secret";
    private readonly string _logs = Directory.CreateTempSubdirectory("centrex-dialing-live-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task EnabledRulesSetOnThePage_TurnOutsidePrefixAndALocalNumberIntoTheRightE164AtTheGateway()
    {
        var gateway = Sipp.FreeUdpPort();
        await Import(gateway);
        await server.AddLogin("cust-dial", "CUST-DIAL", "dial-login-password");
        using var me = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await me.LoginAsync("cust-dial", "dial-login-password")).StatusCode);
        await WaitForCustomer(me);

        (string, string)[] Rules(string country) => [("rules", "enabled"), ("outside_prefix", "9"), ("international_prefix", "011"), ("national_prefix", "1"),
            ("country_code", country), ("area_code", "416"), ("local_lengths", "7"), ("custom_rule", "")];
        var refused = await BillingPagesTests.Form(me, "/customer/dialing-rules", null, Rules("0"));
        Assert.Contains("<div class=\"field-error\" id=\"country_code-error\">customers (id &quot;CUST-DIAL&quot;): dialing: country_code &#x27;0&#x27; starts with 0", refused, StringComparison.Ordinal);
        var saved = await BillingPagesTests.Form(me, "/customer/dialing-rules", null, Rules("1"));
        Assert.Contains("Dialing rules saved.", saved, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Local</td><td>95000001</td><td>&#x2B;14165000001</td></tr>", saved, StringComparison.Ordinal);
        Assert.Contains("<tr><td>National (with the area code)</td><td>914165000001</td><td>&#x2B;14165000001</td></tr>", saved, StringComparison.Ordinal);
        Assert.Contains("<tr><td>International</td><td>9011442079460018</td><td>&#x2B;442079460018</td></tr>", saved, StringComparison.Ordinal);

        var plan = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan");
        Assert.Equal("enabled", plan.GetProperty("dialing_rules").GetString());
        Assert.Equal(("9", "416", 7), (plan.GetProperty("dialing").GetProperty("outside_prefix").GetString(), plan.GetProperty("dialing").GetProperty("area_code").GetString(),
            plan.GetProperty("dialing").GetProperty("local_lengths")[0].GetInt32()));
        using (var bad = await CustomerPagesApiTests.Send(me, HttpMethod.Put, "/api/v1/me/dial-plan/rules", new { dialing_rules = "custom", custom_rule = "s/(a)\\1/1/" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("custom_rule", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        // The running switch: 9 (outside) + 5550123 (local) reaches the gateway as 1 416 555 0123.
        var invite = await CallUntilTheGatewayAnswers("95550123", gateway);
        Assert.StartsWith("INVITE sip:14165550123@", invite, StringComparison.Ordinal);

        // Abbreviated Dialing: the Description column, and a code longer than the Abbreviated Number Length refused beside it.
        var length = await BillingPagesTests.Form(me, "/customer/abbreviated-dialing", "Length", ("length", "3"));
        Assert.Contains("Abbreviated Number Length saved.", length, StringComparison.Ordinal);
        Assert.Contains("id=\"length\" name=\"length\" value=\"3\"", length, StringComparison.Ordinal);
        var added = await BillingPagesTests.Form(me, "/customer/abbreviated-dialing", null, ("code", "188"), ("dial", "14165550188"), ("description", "Amanda's office Linksys"));
        Assert.Contains("<tr><td>188</td><td>14165550188</td><td>Amanda&#x27;s office Linksys</td>", added, StringComparison.Ordinal);
        var tooLong = await BillingPagesTests.Form(me, "/customer/abbreviated-dialing", null, ("code", "1888"), ("dial", "14165550188"), ("description", ""));
        Assert.Contains("id=\"code-error\">customers (id &quot;CUST-DIAL&quot;): field &quot;abbreviated_dialing.code&quot;: &#x27;1888&#x27; has 4 digits, not the Abbreviated Number Length (3)", tooLong, StringComparison.Ordinal);
        using (var api = await CustomerPagesApiTests.Send(me, HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/189", new { dial = "14165550189", description = "Andrew's IP phone" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, api.StatusCode);
        }

        using (var zero = await CustomerPagesApiTests.Send(me, HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated-length", new { abbreviated_length = 0 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
            Assert.Equal("abbreviated_length", (await zero.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        plan = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan");
        Assert.Equal(3, plan.GetProperty("abbreviated_length").GetInt32());
        Assert.Equal("Andrew's IP phone", plan.GetProperty("abbreviated_descriptions").GetProperty("189").GetString());
    }

    private async Task Import(int gateway)
    {
        var ha1 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"dial1:centrex:{Password}")));
        var file = Path.Combine(server.Data, "dial.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "trunks": [ { "id": "dialgw", "address": "127.0.0.1:{{gateway}}", "sources": ["127.0.0.1:9"] } ],
              "customers": [ { "id": "CUST-DIAL", "company": "Dial Ltd", "contact": "Ana Lyst", "email": "ap@dial.example", "currency": "CAD", "time_zone": "America/Toronto",
                "address": { "street": "1 Test St", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V 1A1" }, "trunk": "dialgw" } ],
              "accounts": [ { "id": "DIAL-1", "customer": "CUST-DIAL", "type": "credit", "credit_limit": "1000.00", "requires_911": false, "extension": "301",
                "sip": { "username": "dial1", "ha1_md5": "{{ha1}}" } } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }

    private static async Task WaitForCustomer(PortalClient me)
    {
        // The portal rereads provisioning at most every 250 ms.
        for (var i = 0; i < 100 && (await me.Http.GetAsync("/api/v1/me/dial-plan")).StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(50);
        }
    }

    // dial1 calls dialed until the sipp gateway answers it (the switch reloads a change within a second; a call placed
    // before it reloads is refused): the INVITE the gateway got.
    private async Task<string> CallUntilTheGatewayAnswers(string dialed, int gateway)
    {
        var clock = Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            var log = Path.Combine(_logs, Guid.NewGuid().ToString("N") + ".log");
            using var callee = Sipp.Listen("uas-answer", server.SipUdp, gateway, "-trace_msg", "-message_file", log, "-timeout", "5s");
            var call = await Task.Run(() => Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", dialed, "-au", "dial1", "-ap", Password));
            var answered = await Task.Run(() => Sipp.Finish(callee));
            last = call.Output + answered.Output;
            if (call.ExitCode == 0 && answered.ExitCode == 0)
            {
                var text = await File.ReadAllTextAsync(log);
                var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
                Assert.True(at >= 0, "the gateway logged no INVITE: " + text);
                return text[at..text.IndexOf('\n', at)].TrimEnd('\r');
            }
        }

        Assert.Fail($"dial1's call to {dialed} never reached the gateway: {last}{server.Error}");
        return last;
    }
}
