using System.Net;
using Centrex.Rating.Money;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 14: 911 and 933 always go out. A prepaid line with no money, on a site whose outgoing limit is reached,
/// whose customer dials North American numbers and lists 911 as "dial as is" (refused 484 before), dials 911: the
/// call leaves by the emergency trunk with the line's DID asserted as caller and its service address in the INVITE
/// (RFC 6442 by value), is answered by the emergency trunk's sipp, is not cut at 120 minutes, and is never charged.
/// </summary>
public sealed class SippEmergencyTests : IDisposable
{
    internal const string Line = "16045550103";
    private const string Did = "16045550199";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Theory]
    [InlineData("911")]
    [InlineData("933")]
    public async Task PrepaidLineWithNoMoney_AtAFullSite_Dials911_TheEmergencyTrunkAnswers_WithTheDidAndTheAddress(string dialed)
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort)));
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(Line));
        var log = Path.Combine(_logs.Path, $"psap-{dialed}.log");

        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, emergencyPort, "-trace_msg", "-message_file", log);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", dialed, "-au", Line, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, psap, "psap", _guard.Token);

        clock.Advance(Duration.FromMinutes(121)); // past the 120-minute cap every other call has
        Assert.Equal(1, fixture.Switch.ConfirmedCalls);

        var invite = await InviteIn(log);
        Assert.Contains($"P-Asserted-Identity: <sip:+{Did}@", invite, StringComparison.Ordinal);
        Assert.Contains("Priority: emergency", invite, StringComparison.Ordinal);
        Assert.Contains("Geolocation: <cid:loc-", invite, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/mixed;boundary=", invite, StringComparison.Ordinal);
        Assert.Contains("<ca:A3>Vancouver</ca:A3>", invite, StringComparison.Ordinal);
        Assert.Contains("<ca:RD>1055 West Georgia Street</ca:RD>", invite, StringComparison.Ordinal);
        Assert.Contains("m=audio", invite, StringComparison.Ordinal); // the SDP part is still there

        await fixture.Switch.DisposeAsync(); // ends the call with BYE both ways
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
        fixture.WaitForCdrs(_guard.Token);
        var cdr = Assert.Single(CdrStore.Read(fixture.Ledger.DataDirectory, clock.Now - Duration.FromDays(1), clock.Now + Duration.FromDays(1)));
        Assert.Equal((CallDisposition.Answered, true, false), (cdr.Disposition, cdr.Emergency, cdr.IsChargeable));
        Assert.Equal(Mills.Zero, fixture.Ledger.Store.Balance(Line));
    }

    /// <summary>The INVITE the emergency trunk received, from sipp's message log.</summary>
    private async Task<string> InviteIn(string log)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : string.Empty;
            var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf("</presence>", at, StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[at..end];
            }

            await Task.Delay(20, _guard.Token);
        }
    }

    internal static string DirectoryJson(IPEndPoint emergencyTrunk)
    {
        var md5 = DigestAuthenticator.Ha1(false, Line, SwitchFixture.Realm, SwitchFixture.Password);
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office", "maxOutgoing": 0 } ],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] },
                      { "id": "e911", "address": "{{emergencyTrunk}}", "sources": ["{{emergencyTrunk}}"] } ],
          "emergencyTrunk": "e911",
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn", "abbreviated": { "911": "" } } ],
          "accounts": [ { "id": "{{Line}}", "customer": "acme", "site": "hq", "extension": "103", "username": "{{Line}}", "ha1Md5": "{{md5}}", "type": "debit",
                          "e911": { "street": "1055 West Georgia Street", "city": "Vancouver", "province": "BC", "country": "CA", "postalCode": "V6E 3P3" } } ],
          "dids": [ { "number": "{{Did}}", "account": "{{Line}}" } ]
        }
        """;
    }
}
