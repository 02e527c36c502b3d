using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Suspend (issue 16, operator pages: "Customers and accounts (create, edit, suspend)"): set by the operator API (a key
/// with <c>customers:write</c>) or page, it reaches the running switch live (a sipp call from the line is refused 403,
/// its 911 call still reaches the emergency trunk) and refuses the suspended customer's logins, new and open.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class SuspendTests(PortalServer server)
{
    [Fact]
    public async Task ALineSuspendedByTheApi_IsRefused403ByTheRunningSwitch_ButItsEmergencyCallGoesOut()
    {
        var key = await ApiKeys.Create(server, "customers:read", "customers:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var psapPort = Sipp.FreeUdpPort();
        await ImportEmergencyTrunk(psapPort);
        try
        {
            var suspended = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/accounts/ACC-1001/status", key, """{"status":"suspended"}""");
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
            Assert.Equal("suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

            // The switch takes the change from the store it watches: the call is refused 403 once it has it.
            var clock = Stopwatch.StartNew();
            var refused = (ExitCode: -1, Output: string.Empty);
            while (clock.Elapsed < TimeSpan.FromSeconds(5) && refused.ExitCode != 0)
            {
                refused = Sipp.Run("uac-forbidden", server.SipUdp, Sipp.FreeUdpPort(), "-s", "5145550100", "-au", "qc101", "-ap", PortalServer.SipPassword);
            }

            Assert.True(refused.ExitCode == 0, $"never refused 403: {refused.Output}");

            using var psap = Sipp.Listen("uas-answer", server.SipUdp, psapPort);
            var emergency = Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", "911", "-au", "qc101", "-ap", PortalServer.SipPassword);
            Assert.True(emergency.ExitCode == 0, emergency.Output);
            Assert.True(Sipp.Finish(psap).ExitCode == 0, "the emergency trunk never answered");
        }
        finally
        {
            var resumed = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/accounts/ACC-1001/status", key, """{"status":"active"}""");
            Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        }
    }

    [Fact]
    public async Task ASuspendedCustomer_CannotLogIn_AndItsOpenSessionEnds_UntilTheOperatorResumesIt()
    {
        var key = await ApiKeys.Create(server, "customers:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        const string Customer = """
            {"id":"CUST-SUSP","company":"Pause inc.","contact":"P. Ause","email":"p@pause.example","street":"1 Bay St","city":"Toronto","province":"ON",
             "country":"CA","postal_code":"M5J 2N8","currency":"CAD","time_zone":"America/Toronto"}
            """;
        var created = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", key, Customer);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await server.AddLogin("pause-cust", "CUST-SUSP", "pause-customer-pw-1");
        using var open = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await open.LoginAsync("pause-cust", "pause-customer-pw-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await open.Http.GetAsync("/api/v1/me/lines")).StatusCode);

        var suspended = await ApiKeys.Send(http, HttpMethod.Put, "/api/v1/operator/customers/CUST-SUSP/status", key, """{"status":"suspended"}""");

        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await open.Http.GetAsync("/api/v1/me/lines")).StatusCode); // the open session ends
        using var again = new PortalClient(server.BaseAddress);
        var page = await again.LoginAsync("pause-cust", "pause-customer-pw-1");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("service is suspended", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await again.Http.PostAsJsonAsync("/api/v1/session", new { login = "pause-cust", password = "pause-customer-pw-1" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("suspended", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var wrong = await again.LoginAsync("pause-cust", "not-the-password");
        Assert.DoesNotContain("suspended", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal); // only the right password learns it

        // The operator's page shows it suspended, and resumes it with the same form.
        using var op = await Sessions.SignedIn(server, "operator");
        var form = await op.Http.GetStringAsync("/operator/customers/edit?id=CUST-SUSP");
        Assert.Contains("<option value=\"suspended\" selected=\"selected\">", form, StringComparison.Ordinal);
        (string, string)[] fields =
        [
            ("existing", "true"), ("id", "CUST-SUSP"), ("company", "Pause inc."), ("contact", "P. Ause"), ("email", "p@pause.example"), ("street", "1 Bay St"),
            ("city", "Toronto"), ("province", "ON"), ("country", "CA"), ("postal_code", "M5J 2N8"), ("currency", "CAD"), ("time_zone", "America/Toronto"),
            ("tax_id", ""), ("send_statistic", "full"), ("status", "active"),
        ];
        Assert.Contains("Customer CUST-SUSP saved.", await BillingPagesTests.Form(op, "/operator/customers/edit", null, fields), StringComparison.Ordinal);
        using var back = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await back.LoginAsync("pause-cust", "pause-customer-pw-1")).StatusCode);
    }

    [Fact]
    public async Task TheAccountPage_SuspendsALine_AndShowsItSuspended()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        (string, string)[] line = [("existing", "true"), ("id", "ACC-1003"), ("customer", "CUST-NS"), ("type", "credit"), ("credit_limit", "750.00"), ("site", ""), ("requires_911", "true"), ("status", "suspended")];
        try
        {
            var saved = await BillingPagesTests.Form(op, "/operator/accounts/edit", null, line);

            Assert.Contains("Account ACC-1003 saved: suspended", saved, StringComparison.Ordinal);
            Assert.Contains("<option value=\"suspended\" selected=\"selected\">", saved, StringComparison.Ordinal);
        }
        finally
        {
            await BillingPagesTests.Form(op, "/operator/accounts/edit", null, [.. line.Select(f => f.Item1 == "status" ? (f.Item1, "active") : f)]);
        }
    }

    private async Task ImportEmergencyTrunk(int psapPort)
    {
        var file = Path.Combine(server.Data, $"e911-{psapPort}.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "switch": { "realm": "centrex", "digest_algorithms": ["MD5", "SHA-256"], "emergency_trunk": "psap-test" },
              "trunks": [ { "id": "psap-test", "address": "127.0.0.1:{{psapPort}}" } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
