using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// A call from one customer's line to another customer's DID on the same switch (on-net: the switch records it once, on
/// the called line, and charges nobody) shows in both customers' Call Logs (issue 16): the callee's as an incoming call
/// from the calling line, the caller's as its outgoing call, with no charge. Once only the callee's showed it.
/// </summary>
[Collection(ZonedCollection.Name)]
public sealed class CrossCustomerCallTests(ZonedServer server)
{
    [Fact]
    public async Task ACallToAnotherCustomersDid_ShowsInTheCallersCallLogsAsOutgoingWithNoCharge_AndInTheCalleesAsIncoming()
    {
        using (var phone = SwitchPhones.Answering(server, "par1", ZonedServer.LinePassword))
        {
            var call = Sipp.Run("uac-call-hold", server.SipUdp, Sipp.FreeUdpPort(), "-s", ZonedServer.ParDid, "-au", "tyo1", "-ap", ZonedServer.LinePassword, "-d", "1500");
            Assert.True(call.ExitCode == 0, "tyo1 calls CUST-PAR's DID: " + call.Output + server.Error);
            Assert.True(Sipp.Finish(phone).ExitCode == 0, "PAR-1's phone answers");
        }

        using var tyo = await Sessions.SignedIn(server, "tyo");
        using var par = await Sessions.SignedIn(server, "par");
        var outgoing = await TheCall(tyo, "outgoing", c => c.GetProperty("from").GetString() == "TYO-1" && c.GetProperty("to").GetString() == ZonedServer.ParDid);

        // The callee's side shows what PAR-1's phone was shown: TYO-1 has no DID, so anonymous, never TYO-1's account id.
        var incoming = await TheCall(par, "incoming", c => c.GetProperty("line").GetString() == "PAR-1" && c.GetProperty("from").GetString() == "anonymous");

        Assert.Equal(("TYO-1", ZonedServer.ParDid, "answered"), (outgoing.GetProperty("from").GetString(), outgoing.GetProperty("to").GetString(), outgoing.GetProperty("disposition").GetString()));
        Assert.Equal(JsonValueKind.Null, outgoing.GetProperty("charge_mills").ValueKind); // on-net: not charged
        Assert.InRange(outgoing.GetProperty("seconds").GetInt64(), 1, 3);
        Assert.Equal(("PAR-1", "answered"), (incoming.GetProperty("line").GetString(), incoming.GetProperty("disposition").GetString()));
        Assert.Equal(incoming.GetProperty("start").GetString(), outgoing.GetProperty("start").GetString());

        var page = await tyo.Http.GetStringAsync("/customer/calls?direction=outgoing&number=" + ZonedServer.ParDid); // what TYO-1 dialed
        Assert.Matches($"(?s)<td>TYO-1</td><td>TYO-1</td><td>{ZonedServer.ParDid}</td><td>outgoing</td>.*?<td class=\"num\">no charge</td>", page);
        // Neither customer sees the other's line otherwise: CUST-PAR's page has no row of TYO-1's own.
        Assert.DoesNotContain("TYO-1", await par.Http.GetStringAsync("/customer/calls"), StringComparison.Ordinal);
    }

    // The customer's call from TYO-1 in that direction that `match` picks (LiveWithinASecondTests' TYO-1 calls another
    // DID of CUST-PAR's); the call-log index follows the switch's CDR store every half second: waits for it.
    private static async Task<JsonElement> TheCall(PortalClient client, string direction, Func<JsonElement, bool> match)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound, not a timing check
        while (true)
        {
            var page = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/calls?direction={direction}");
            var calls = page.GetProperty("calls").EnumerateArray().Where(match).ToList();
            if (calls.Count > 0 || patience.IsCancellationRequested)
            {
                return Assert.Single(calls);
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }
}
