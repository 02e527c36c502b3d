using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 14: "emergency calls in every refusal situation". For each way a line's ordinary call out is refused that
/// <see cref="SippEmergencyTests"/> does not cover, the same line is first refused an ordinary call (so the condition
/// holds), then dials 911, which the emergency trunk's sipp answers. (The blocked and rate-limited source is
/// <see cref="SippEmergencyFromABlockedAddressTests"/>; the ledger that cannot write, SippChargingTests.)
/// </summary>
public sealed class SippEmergencyRefusalTests : IDisposable
{
    private const string Line = "16045550101";
    private const string Domestic = "2125551234"; // North America: 60 mills a minute (TestTariff)
    private const string International = "011442071234567"; // the UK
    private const string Premium = "19005551234";
    private const string Untariffed = "01133123456789"; // France: no tariff row prices it

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    [Theory]
    [InlineData("credit account at its limit", "\"creditLimit\": \"0.000\"", null, Domestic, "uac-payment-required")]
    [InlineData("international blocked", null, "\"blocked\": [\"international\"]", International, "uac-forbidden")]
    [InlineData("premium blocked", null, "\"blocked\": [\"premium\"]", Premium, "uac-forbidden")]
    [InlineData("no international calls at once", null, "\"maxInternationalCalls\": 0", International, "uac-forbidden")]
    [InlineData("hour spend cap reached", null, "\"maxSpendPerHour\": \"0.000\"", Domestic, "uac-forbidden")]
    [InlineData("day spend cap reached", null, "\"maxSpendPerDay\": \"0.000\"", Domestic, "uac-forbidden")]
    [InlineData("no tariff row", null, null, Untariffed, "uac-forbidden")]
    public async Task AnOrdinaryCallIsRefused_911StillGoesOut(string condition, string? account, string? fraud, string ordinary, string refusal)
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort), account, fraud));

        var refused = Sipp.Run(refusal, fixture.Endpoint, Sipp.FreeUdpPort(), "-s", ordinary, "-au", Line, "-ap", SwitchFixture.Password);
        Assert.True(refused.ExitCode == 0, $"{condition}: the ordinary call was not refused as expected: {refused.Output}");

        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, emergencyPort);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911", "-au", Line, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, psap, "psap", _guard.Token, condition);

        await fixture.Switch.DisposeAsync();
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
    }

    private static string DirectoryJson(IPEndPoint emergencyTrunk, string? account, string? fraud) =>
        $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office" } ],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] },
                      { "id": "e911", "address": "{{emergencyTrunk}}", "sources": ["{{emergencyTrunk}}"] } ],
          "emergencyTrunk": "e911",
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ { "id": "{{Line}}", "customer": "acme", "site": "hq", "extension": "101", "username": "{{Line}}", "type": "credit",
                          "ha1Md5": "{{DigestAuthenticator.Ha1(false, Line, SwitchFixture.Realm, SwitchFixture.Password)}}"
                          {{(account is null ? "" : ", " + account)}} {{(fraud is null ? "" : $", \"fraud\": {{ {fraud} }}")}} } ],
          "dids": [ { "number": "16045550199", "account": "{{Line}}" } ]
        }
        """;
}
