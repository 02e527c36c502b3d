using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Call Logs shows every call of the customer that the switch recorded, not only the charged ones (issue 16: "CDR
/// browser: filters by ... direction, disposition"): sipp phones and a sipp trunk place an answered outgoing call (charged:
/// in the journal and the switch's CDR store, listed once with its charge), a missed incoming call from the trunk and an
/// internal extension call through the real <c>serve</c>; each shows for the customer of its line with its direction,
/// disposition and answering line, on the page and in the CSV, and never for another customer.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class CallLogSwitchTests(PortalServer server)
{
    private const string Password = "cl-phone-secret";
    private const string Outside = "14165550199"; // priced by the demo tariff's "1"

    [Fact]
    public async Task AnsweredOutgoing_MissedIncoming_AndInternalCalls_ShowForTheirCustomerOnly()
    {
        var trunkPort = Sipp.FreeUdpPort();
        var trunkCallerPort = Sipp.FreeUdpPort();
        await Provision(trunkPort, trunkCallerPort);
        await server.AddLogin("cust-cl", "CUST-CL", "cust-cl-login-secret");
        using var cl = new PortalClient(server.BaseAddress);
        Assert.Equal(System.Net.HttpStatusCode.Found, (await cl.LoginAsync("cust-cl", "cust-cl-login-secret")).StatusCode);

        // Internal: 301 dials extension 302, whose phone answers.
        var calleePort = Sipp.FreeUdpPort();
        var registered = await SippRetry.UntilSuccess(() => Sipp.Run("register", server.SipUdp, calleePort, "-s", "cl302", "-au", "cl302", "-ap", Password));
        Assert.True(registered.ExitCode == 0, registered.Output);
        await Call("uas-answer", calleePort, () => Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", "302", "-au", "cl301", "-ap", Password));

        // Outgoing: 301 dials an outside number, the trunk answers (charged).
        await Call("uas-answer", trunkPort, () => Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", Outside, "-au", "cl301", "-ap", Password));

        // Missed incoming: the trunk calls 301's DID; 301 has no phone registered, so nobody answers (480).
        var missed = await Task.Run(() => Sipp.Run("uac-trunk-unavailable", server.SipUdp, trunkCallerPort, "-s", "15145550301"));
        Assert.True(missed.ExitCode == 0, "trunk: " + missed.Output);

        var calls = await WaitForCalls(cl, list =>
            list.Any(c => c.Direction == "internal") && list.Any(c => c.Direction == "incoming")
            && list.Any(c => c.Direction == "outgoing" && c.ChargeMills is not null));

        var outgoing = Assert.Single(calls, c => c.To == Outside);
        Assert.Equal(("outgoing", "answered", "ACC-CL1"), (outgoing.Direction, outgoing.Disposition, outgoing.Line));
        Assert.True(outgoing.ChargeMills > 0, $"charge {outgoing.ChargeMills}");
        Assert.StartsWith("sw:", outgoing.Id, StringComparison.Ordinal);
        var incoming = Assert.Single(calls, c => c.Direction == "incoming");
        Assert.Equal(("no-answer", "ACC-CL1", "12125550100", (string?)null, (long?)null), (incoming.Disposition, incoming.Line, incoming.From, incoming.AnsweredBy, incoming.ChargeMills));
        var inside = Assert.Single(calls, c => c.Direction == "internal");
        Assert.Equal(("answered", "ACC-CL2", "ACC-CL1", "ACC-CL2", (long?)null), (inside.Disposition, inside.Line, inside.From, inside.AnsweredBy, inside.ChargeMills));

        // The filters, kept in the URL: the internal call is the placing line's too.
        Assert.Equal([inside.Id], (await List(cl, "direction=internal&line=ACC-CL1")).Select(c => c.Id));
        Assert.Equal([incoming.Id], (await List(cl, "disposition=no-answer")).Select(c => c.Id));
        var page = await cl.Http.GetStringAsync("/customer/calls?disposition=no-answer");
        Assert.Contains("<td title=\"no-answer\">no answer</td>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"no-answer\" selected=\"selected\">no answer</option>", page, StringComparison.Ordinal);
        page = await cl.Http.GetStringAsync("/customer/calls?direction=internal");
        Assert.Contains("<td>internal</td><td title=\"answered\">answered</td><td>ACC-CL2</td>", page, StringComparison.Ordinal);
        var csv = (await cl.Http.GetStringAsync("/api/v1/me/calls.csv?direction=internal")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("start,line,from,to,direction,disposition,seconds,billed_seconds,destination,charge,answered_by", csv[0]);
        var row = csv[1].Split(',');
        Assert.Equal(["ACC-CL2", "ACC-CL1", "302", "internal", "answered"], row[1..6]);
        Assert.Equal(("", "ACC-CL2"), (row[9], row[10]));

        // Another customer sees none of them.
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var theirs = await List(qc, "size=200&from=" + DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(theirs, c => calls.Any(mine => mine.Id == c.Id));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await qc.Http.GetAsync("/api/v1/me/calls?line=ACC-CL1")).StatusCode);
    }

    private sealed record Listed(string Id, string Line, string From, string To, string Direction, string Disposition, long? ChargeMills, string? AnsweredBy);

    private static async Task<List<Listed>> List(PortalClient client, string query)
    {
        var page = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?" + query);
        return [.. page.GetProperty("calls").EnumerateArray().Select(c => new Listed(
            c.GetProperty("id").GetString()!, c.GetProperty("line").GetString()!, c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!,
            c.GetProperty("direction").GetString()!, c.GetProperty("disposition").GetString()!,
            c.GetProperty("charge_mills").ValueKind == JsonValueKind.Null ? null : c.GetProperty("charge_mills").GetInt64(),
            c.GetProperty("answered_by").GetString()))];
    }

    // The index follows the journal and the CDR store every half second: waits until what the calls made is there.
    private static async Task<List<Listed>> WaitForCalls(PortalClient client, Func<List<Listed>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        List<Listed> calls = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            calls = await List(client, "size=50");
            if (done(calls))
            {
                return calls;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the call log never showed the three calls: " + string.Join("; ", calls));
        return calls;
    }

    // One call answered by a sipp phone listening on port: both ends must succeed.
    private async Task Call(string answer, int port, Func<(int ExitCode, string Output)> caller)
    {
        using var callee = Sipp.Listen(answer, server.SipUdp, port);
        var call = await Task.Run(caller);
        var answered = await Task.Run(() => Sipp.Finish(callee));
        Assert.True(call.ExitCode == 0, "caller: " + call.Output);
        Assert.True(answered.ExitCode == 0, "callee: " + answered.Output);
    }

    // CUST-CL (no other test looks at it): two lines, a DID on the first, and a trunk of its own on loopback.
    private async Task Provision(int trunkPort, int trunkCallerPort)
    {
        string Ha1(string user) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}:centrex:{Password}")));
        var file = Path.Combine(server.Data, "cl-lines.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "trunks": [ { "id": "cl-pstn", "address": "127.0.0.1:{{trunkPort}}", "sources": ["127.0.0.1:{{trunkCallerPort}}"] } ],
              "customers": [ { "id": "CUST-CL", "company": "Call Log Test Ltd.", "contact": "Casey", "email": "ap@calllog.example",
                               "address": { "street": "1 Main St", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J 2L4" },
                               "currency": "CAD", "time_zone": "America/Toronto", "trunk": "cl-pstn" } ],
              "accounts": [
                { "id": "ACC-CL1", "customer": "CUST-CL", "type": "credit", "credit_limit": "100.00", "requires_911": false, "extension": "301",
                  "sip": { "username": "cl301", "ha1_md5": "{{Ha1("cl301")}}" }, "dids": ["+15145550301"] },
                { "id": "ACC-CL2", "customer": "CUST-CL", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "302",
                  "sip": { "username": "cl302", "ha1_md5": "{{Ha1("cl302")}}" } } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
