using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 14: an emergency call shows a number the PSAP can call back. A line without a DID of its own shows its
/// customer's main number (<c>caller_id</c>), else the operator's emergency call-back number, else nothing (anonymous):
/// never its account id, which is what it showed before.
/// </summary>
public sealed class SippEmergencyCallerIdTests : IDisposable
{
    private const string Line = "acme-103"; // an account id that is not a number: what must never reach the PSAP
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Theory]
    [InlineData("\"callerId\": \"+16045550100\",", null, "<sip:+16045550100@")]
    [InlineData("\"callerId\": \"+16045550100\",", "+16045550911", "<sip:+16045550100@")]
    [InlineData("", "+16045550911", "<sip:+16045550911@")]
    [InlineData("", null, null)]
    public async Task ALineWithoutADid_Shows_TheMainNumber_ElseTheOperatorsCallBack_NeverItsAccountId(string customerCallerId, string? callback, string? asserted)
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort), customerCallerId, callback));
        var log = Path.Combine(_logs.Path, "psap.log");
        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, emergencyPort, "-trace_msg", "-message_file", log);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911", "-au", Line, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(fixture.Switch, caller, psap, "psap", _guard.Token);

        var invite = await InviteIn(log);
        Assert.DoesNotContain(Line, invite, StringComparison.Ordinal);
        if (asserted is null)
        {
            Assert.Contains("From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=", invite, StringComparison.Ordinal);
            Assert.DoesNotContain("P-Asserted-Identity", invite, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"P-Asserted-Identity: {asserted}", invite, StringComparison.Ordinal);
            Assert.Contains($"From: {asserted}", invite, StringComparison.Ordinal);
        }

        await fixture.Switch.DisposeAsync();
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
    }

    /// <summary>The INVITE the emergency trunk received, from sipp's message log (its headers: up to the blank line).</summary>
    private async Task<string> InviteIn(string log)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : string.Empty;
            var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf("\n\n", at, StringComparison.Ordinal);
            end = end >= 0 ? end : (at < 0 ? -1 : text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal));
            if (end >= 0)
            {
                return text[at..end];
            }

            await Task.Delay(20, _guard.Token);
        }
    }

    private static string DirectoryJson(IPEndPoint emergencyTrunk, string customerCallerId, string? callback)
    {
        string Account(string id, string ext) =>
            $$"""{ "id": "{{id}}", "customer": "acme", "site": "hq", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit" }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          {{(callback is null ? "" : $"\"emergencyCallback\": \"{callback}\",")}}
          "sites": [ { "id": "hq", "name": "Head office" } ],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] },
                      { "id": "e911", "address": "{{emergencyTrunk}}", "sources": ["{{emergencyTrunk}}"] } ],
          "emergencyTrunk": "e911",
          "customers": [ { "id": "acme", {{customerCallerId}} "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Line, "103")}}, {{Account("16045550102", "102")}} ],
          "dids": [ { "number": "16045550100", "account": "16045550102" } ]
        }
        """;
    }
}
