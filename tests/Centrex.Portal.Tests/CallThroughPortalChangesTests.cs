using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16: a change made in the portal takes effect "without dropping a call in progress" (review item 9: proven only
/// at the switch's level until now). A sipp call from CUST-TYO's line to CUST-PAR's DID is answered by PAR-1's sipp
/// phone; while it is up both customers change, through the portal's API, both lines' SIP passwords, PAR-1's
/// forwarding and an abbreviated number each. The call stays up through all of them (the operator's switch page still
/// shows it after the last), and ends normally: the caller's BYE gets its 200, and the callee's phone gets the BYE and
/// answers it (each sipp scenario exits 0 only so). The call, between two customers in different partitions, counts
/// once in the operator's <c>active_calls</c> (review item 1: it counted 2).
/// </summary>
[Collection(ZonedCollection.Name)]
public sealed class CallThroughPortalChangesTests(ZonedServer server)
{
    private const string Password = ZonedServer.LinePassword;

    [Fact]
    public async Task ACallInProgress_StaysUpThroughPortalChangesToBothLines_EndsWithBye200OnBothSides_AndCountsOnce()
    {
        using var tyo = await Sessions.SignedIn(server, "tyo");
        using var par = await Sessions.SignedIn(server, "par");
        using var op = await Sessions.SignedIn(server, "operator");
        using var phone = SwitchPhones.Answering(server, "par1", Password);
        // Held long enough for the changes below on a loaded host, and under the callee's 20 s wait for the BYE (Sipp.Start).
        using var call = Sipp.Start("uac-call-hold", server.SipUdp, Sipp.FreeUdpPort(), "-s", ZonedServer.ParDid, "-au", "tyo1", "-ap", Password, "-d", "15000");
        try
        {
            Assert.Equal(1, await ActiveCalls(op, c => c > 0));

            await Change(tyo, HttpMethod.Put, "/api/v1/me/lines/TYO-1/sip-password", """{"password":"during-the-call-1"}""");
            await Change(par, HttpMethod.Put, "/api/v1/me/lines/PAR-1/sip-password", """{"password":"during-the-call-2"}""");
            await Change(par, HttpMethod.Put, "/api/v1/me/lines/PAR-1/forwarding", """{ "mode": "simple", "targets": [ { "number": "208" } ] }""");
            await Change(par, HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/56", """{"dial":"PAR-2"}""");
            await Change(tyo, HttpMethod.Put, "/api/v1/me/dial-plan/abbreviated/55", $$"""{"dial":"+{{ZonedServer.ParDid}}"}""");

            Assert.False(call.HasExited, "the call was still up after the last change");
            Assert.Equal(1, await ActiveCalls(op, _ => true));

            var caller = Sipp.Finish(call);
            Assert.True(caller.ExitCode == 0, "tyo1's call: answered, held, its BYE answered 200: " + caller.Output + server.Error);
            var callee = Sipp.Finish(phone);
            Assert.True(callee.ExitCode == 0, "PAR-1's phone: answered, got the BYE and answered it 200: " + callee.Output);
            Assert.Equal(0, await ActiveCalls(op, c => c == 0));
        }
        finally
        {
            // What the other tests of the collection use, as it was.
            await Change(tyo, HttpMethod.Put, "/api/v1/me/lines/TYO-1/sip-password", $$"""{"password":"{{Password}}"}""");
            await Change(par, HttpMethod.Put, "/api/v1/me/lines/PAR-1/sip-password", $$"""{"password":"{{Password}}"}""");
            await Change(par, HttpMethod.Put, "/api/v1/me/lines/PAR-1/forwarding", """{ "mode": "off" }""");
            await Change(par, HttpMethod.Delete, "/api/v1/me/dial-plan/abbreviated/56", null);
            await Change(tyo, HttpMethod.Delete, "/api/v1/me/dial-plan/abbreviated/55", null);
        }
    }

    // The operator's active_calls once `until` holds (a bound, not a timing check: the call is set up by sipp).
    private static async Task<int> ActiveCalls(PortalClient op, Func<int, bool> until)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var calls = (await op.Http.GetFromJsonAsync<JsonElement>("/api/v1/operator/switch")).GetProperty("active_calls").GetInt32();
            if (until(calls) || patience.IsCancellationRequested)
            {
                return calls;
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static async Task Change(PortalClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", await client.CsrfAsync());
        using var response = await client.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
