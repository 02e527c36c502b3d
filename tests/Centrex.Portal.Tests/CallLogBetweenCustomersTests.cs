using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Isolation in Call Logs (issue 16): a line of one customer calls a line of another on the same switch (sipp phones
/// through the real <c>serve</c>). The called customer's log, its CSV and <c>/api/v1/me/calls</c> show the caller as the
/// called phone was shown it: the calling line's number, or anonymous when that line hides its CLI; never the calling
/// customer's account id. The two customer ids share a partition for any partition count from 1 to 16 (their FNV-1a
/// hashes are equal modulo 720,720): a call between customers of one partition is where the account id used to leak
/// (one handed to another partition already showed the number).
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class CallLogBetweenCustomersTests(PortalServer server)
{
    private const string Password = "xc-phone-secret";
    private const string Caller = "CUST-XA";
    private const string Called = "CUST-XB1435619";

    [Fact]
    public async Task ACallFromAnotherCustomersLine_ShowsTheNumberOrAnonymous_NeverItsAccountId()
    {
        await Provision();
        await server.AddLogin("cust-xb", Called, "cust-xb-login-secret");
        using var xb = new PortalClient(server.BaseAddress);
        Assert.Equal(System.Net.HttpStatusCode.Found, (await xb.LoginAsync("cust-xb", "cust-xb-login-secret")).StatusCode);

        var calleePort = Sipp.FreeUdpPort();
        var registered = await SippRetry.UntilSuccess(() => Sipp.Run("register", server.SipUdp, calleePort, "-s", "xb501", "-au", "xb501", "-ap", Password));
        Assert.True(registered.ExitCode == 0, registered.Output);
        await Call(calleePort, "xa401"); // shows its number
        await Call(calleePort, "xa402"); // hides it (hide_cli always)

        var calls = await WaitForCalls(xb, list => list.Count(c => c.Line == "ACC-XB1") >= 2);
        var froms = calls.Where(c => c.Line == "ACC-XB1").Select(c => c.From).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["+15145550401", "anonymous"], froms);
        Assert.All(calls, c => Assert.Equal("incoming", c.Direction));

        var csv = await xb.Http.GetStringAsync("/api/v1/me/calls.csv");
        var json = await xb.Http.GetStringAsync("/api/v1/me/calls?size=50");
        var page = await xb.Http.GetStringAsync("/customer/calls");
        var dashboard = await xb.Http.GetStringAsync("/customer");
        foreach (var shown in new[] { csv, json, page, dashboard })
        {
            Assert.DoesNotContain("ACC-XA", shown, StringComparison.Ordinal);
        }

        Assert.Contains("+15145550401", csv, StringComparison.Ordinal);
    }

    private sealed record Listed(string Id, string Line, string From, string Direction);

    private static async Task<List<Listed>> WaitForCalls(PortalClient client, Func<List<Listed>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        List<Listed> calls = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var page = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/calls?size=50");
            calls = [.. page.GetProperty("calls").EnumerateArray().Select(c => new Listed(c.GetProperty("id").GetString()!, c.GetProperty("line").GetString()!,
                c.GetProperty("from").GetString()!, c.GetProperty("direction").GetString()!))];
            if (done(calls))
            {
                return calls;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the call log never showed both calls: " + string.Join("; ", calls));
        return calls;
    }

    // One call from the line user to the called customer's DID, answered by its sipp phone on port.
    private async Task Call(int port, string user)
    {
        using var callee = Sipp.Listen("uas-answer", server.SipUdp, port);
        var call = await Task.Run(() => Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", "15145550501", "-au", user, "-ap", Password));
        var answered = await Task.Run(() => Sipp.Finish(callee));
        Assert.True(call.ExitCode == 0, "caller: " + call.Output);
        Assert.True(answered.ExitCode == 0, "callee: " + answered.Output);
    }

    private async Task Provision()
    {
        string Ha1(string user) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}:centrex:{Password}")));
        static string Customer(string id, string company) => $$"""
            { "id": "{{id}}", "company": "{{company}}", "contact": "Casey", "email": "ap@{{id.ToLowerInvariant()}}.example",
              "address": { "street": "1 Main St", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2J 2L4" },
              "currency": "CAD", "time_zone": "America/Toronto" }
            """;
        var file = Path.Combine(server.Data, "xc-lines.json");
        await File.WriteAllTextAsync(file, $$"""
            { "format": "centrex-provisioning/1",
              "customers": [ {{Customer(Caller, "Caller Ltd.")}}, {{Customer(Called, "Called Ltd.")}} ],
              "accounts": [
                { "id": "ACC-XA1", "customer": "{{Caller}}", "type": "credit", "credit_limit": "100.00", "requires_911": false, "extension": "401",
                  "sip": { "username": "xa401", "ha1_md5": "{{Ha1("xa401")}}" }, "dids": ["+15145550401"], "hide_cli": "never" },
                { "id": "ACC-XA2", "customer": "{{Caller}}", "type": "credit", "credit_limit": "100.00", "requires_911": false, "extension": "402",
                  "sip": { "username": "xa402", "ha1_md5": "{{Ha1("xa402")}}" }, "dids": ["+15145550402"], "hide_cli": "always" },
                { "id": "ACC-XB1", "customer": "{{Called}}", "type": "credit", "credit_limit": "0.00", "requires_911": false, "extension": "501",
                  "sip": { "username": "xb501", "ha1_md5": "{{Ha1("xb501")}}" }, "dids": ["+15145550501"] } ] }
            """);
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.True(import.Exit == 0, import.Error);
    }
}
