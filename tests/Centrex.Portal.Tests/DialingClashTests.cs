using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16, seed 004 Dialing Rules over the served portal: a customer of its own (CUST-CLASH, extension 901) enables
/// dialing rules with outside prefix 9 on the page and 90 over the API: both are refused beside
/// <c>outside_prefix</c> with the stable kind <c>dialing-prefix-clash</c>, naming the extension, and nothing is stored.
/// With outside prefix 8 saved, an abbreviated code 85 (the page's and the API's) is refused on its own field.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DialingClashTests(PortalServer server)
{
    private static readonly (string, string)[] Parameters = [("rules", "enabled"), ("international_prefix", "011"), ("national_prefix", "1"),
        ("country_code", "1"), ("area_code", "416"), ("local_lengths", "7"), ("custom_rule", "")];

    [Fact]
    public async Task AnOutsidePrefixThatBeginsAnExtension_IsRefusedBesideItsField_AndACodeAgainstSavedRulesOnTheCode()
    {
        await Import();
        await server.AddLogin("cust-clash", "CUST-CLASH", "clash-login-password");
        using var me = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await me.LoginAsync("cust-clash", "clash-login-password")).StatusCode);
        for (var i = 0; i < 100 && (await me.Http.GetAsync("/api/v1/me/dial-plan")).StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(50); // the portal rereads provisioning at most every 250 ms
        }

        var page = await BillingPagesTests.Form(me, "/customer/dialing-rules", null, [("outside_prefix", "9"), .. Parameters]);
        Assert.Contains("<div class=\"field-error\" id=\"outside_prefix-error\">customers (id &quot;CUST-CLASH&quot;): field &quot;dialing.outside_prefix&quot;: &#x27;9&#x27; and extension &#x27;901&#x27; begin alike: the switch could not tell which was dialed</div>",
            page, StringComparison.Ordinal);

        using (var api = await CustomerPagesApiTests.Send(me, HttpMethod.Put, "/api/v1/me/dial-plan/rules",
            new { dialing_rules = "enabled", outside_prefix = "90", country_code = "1", local_lengths = new[] { 7 } }))
        {
            var error = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(api.StatusCode == HttpStatusCode.BadRequest, error.ToString());
            Assert.Equal(("outside_prefix", "dialing-prefix-clash"), (error.GetProperty("field").GetString(), error.GetProperty("kind").GetString()));
            Assert.Contains("'90' and extension '901' begin alike", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("e164", (await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan")).GetProperty("dialing_rules").GetString());

        // The other way: rules that dial apart are saved; a code that outside prefix 8 begins is refused on the code.
        Assert.Contains("Dialing rules saved.", await BillingPagesTests.Form(me, "/customer/dialing-rules", null, [("outside_prefix", "8"), .. Parameters]), StringComparison.Ordinal);
        var code = await BillingPagesTests.Form(me, "/customer/abbreviated-dialing", null, ("code", "85"), ("dial", "14165550185"), ("description", ""));
        Assert.Contains("id=\"code-error\">customers (id &quot;CUST-CLASH&quot;): field &quot;abbreviated_dialing.code&quot;: &#x27;85&#x27; and dialing.outside_prefix &#x27;8&#x27; begin alike", code, StringComparison.Ordinal);
        using (var api = await CustomerPagesApiTests.Send(me, HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/85", new { dial = "14165550185" }))
        {
            var error = await api.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(api.StatusCode == HttpStatusCode.BadRequest, error.ToString());
            Assert.Equal(("code", "dialing-prefix-clash"), (error.GetProperty("field").GetString(), error.GetProperty("kind").GetString()));
        }

        var plan = await me.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/dial-plan");
        Assert.Equal(("8", 0), (plan.GetProperty("dialing").GetProperty("outside_prefix").GetString(), plan.GetProperty("abbreviated_dialing").EnumerateObject().Count()));
    }

    private Task Import() => TestCustomers.Import(server, "clash.json", """
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "CUST-CLASH", "company": "Clash Ltd", "contact": "Cy Lash", "email": "ap@clash.example", "currency": "CAD", "time_zone": "America/Toronto",
                "address": { "street": "1 Test St", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V 1A1" } } ],
              "accounts": [ { "id": "CLASH-1", "customer": "CUST-CLASH", "type": "credit", "credit_limit": "1000.00", "requires_911": false, "extension": "901",
                "sip": { "username": "clash1", "ha1_md5": "0123456789abcdef0123456789abcdef" } } ] }
            """);
}
