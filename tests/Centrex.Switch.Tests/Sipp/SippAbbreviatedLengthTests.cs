using System.Net;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Seed 004 Abbreviated Dialing's "Abbreviated Number Length" steers routing: a customer dialing E.164 (where four
/// digits are a number the trunk is given) sets the length to 4. A sipp phone dials 5678, a code of that length the
/// customer does not have: 404 before the dialing rules, so the trunk's sipp never sees it (it would answer it). Then
/// 1234, its code for +1 604 555 0177: the trunk's sipp answers the INVITE for that number.
/// </summary>
public sealed class SippAbbreviatedLengthTests : IDisposable
{
    private const string Line = "16045550101";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task ACodeOfTheLength_ReachesItsTarget_AndAnUnknownOneIsRefused404_NotSentToTheTrunk()
    {
        var trunkPort = Sipp.FreeUdpPort();
        await using var fixture = new SwitchFixture(directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, trunkPort)));
        var log = Path.Combine(_logs.Path, "trunk.log");
        using var trunk = Sipp.Listen("uas-answer", fixture.Endpoint, trunkPort, "-trace_msg", "-message_file", log);

        var unknown = Sipp.Run("uac-not-found", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "5678", "-au", Line, "-ap", SwitchFixture.Password);
        var known = Sipp.Run("uac-call", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "1234", "-au", Line, "-ap", SwitchFixture.Password);

        Assert.True(unknown.ExitCode == 0, "5678 was not refused 404: " + unknown.Output);
        Assert.True(known.ExitCode == 0, "1234: " + known.Output);
        Assert.True(Sipp.Finish(trunk).ExitCode == 0, "trunk");
        Assert.StartsWith("INVITE sip:16045550177@", await FirstInviteIn(log), StringComparison.Ordinal);
    }

    /// <summary>The first INVITE the trunk received (its request line), from sipp's message log.</summary>
    private async Task<string> FirstInviteIn(string log)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : string.Empty;
            var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf('\n', at);
            if (end >= 0)
            {
                return text[at..end].TrimEnd('\r');
            }

            await Task.Delay(20, _guard.Token);
        }
    }

    private static string DirectoryJson(IPEndPoint trunk)
    {
        var md5 = DigestAuthenticator.Ha1(false, Line, SwitchFixture.Realm, SwitchFixture.Password);
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "e164", "trunk": "pstn", "abbreviatedLength": 4, "abbreviated": { "1234": "16045550177" } } ],
          "accounts": [ { "id": "{{Line}}", "customer": "acme", "extension": "101", "username": "{{Line}}", "ha1Md5": "{{md5}}", "type": "credit" } ]
        }
        """;
    }
}
