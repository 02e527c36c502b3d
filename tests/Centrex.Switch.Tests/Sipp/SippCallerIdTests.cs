using System.Net;
using Centrex.Switch.Tests.Identity;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Seed 001 "What phone number will they see?", seed 003's c2 and h, seed 004 Hide CLI, between sipp phones and a sipp
/// trunk: what the trunk's INVITE carries (From, P-Asserted-Identity, Privacy), read from sipp's own message log.
/// </summary>
public sealed class SippCallerIdTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));
    private readonly TempFolder _logs = new();

    public void Dispose()
    {
        _guard.Dispose();
        _logs.Dispose();
    }

    [Theory]
    [InlineData(IdentityDirectory.Automatic, "2125550123", "<sip:+16045550111@", "+16045550111", null)]
    [InlineData(IdentityDirectory.Automatic, "2125550123c2", "<sip:+16045550112@", "+16045550112", null)]
    [InlineData(IdentityDirectory.Automatic, "2125550123h", "\"Anonymous\" <sip:anonymous@anonymous.invalid>", "+16045550111", "id")]
    [InlineData(IdentityDirectory.AlwaysHidden, "2125550123", "\"Anonymous\" <sip:anonymous@anonymous.invalid>", "+16045550122", "id")]
    public async Task SippPhoneCallsOut_TheSippTrunkSeesTheDidAsserted_AndAnonymousWhenHidden(string line, string dialed, string from, string asserted, string? privacy)
    {
        var trunkPort = Sipp.FreeUdpPort();
        await using var fixture = new SwitchFixture(directoryJson: IdentityDirectory.Json(new IPEndPoint(IPAddress.Loopback, trunkPort)));
        var log = Path.Combine(_logs.Path, "trunk.log");
        using var trunk = Sipp.Listen("uas-answer", fixture.Endpoint, trunkPort, "-trace_msg", "-message_file", log);

        var call = Sipp.Run("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", dialed, "-au", line, "-ap", SwitchFixture.Password, "-d", "100");

        Assert.True(call.ExitCode == 0, "phone: " + call.Output);
        Assert.True(Sipp.Finish(trunk).ExitCode == 0, "trunk");
        var invite = await InviteIn(log);
        Assert.StartsWith("INVITE sip:12125550123@", invite, StringComparison.Ordinal);
        Assert.Contains("\nFrom: " + from, invite, StringComparison.Ordinal);
        Assert.Contains($"\nP-Asserted-Identity: <sip:{asserted}@", invite, StringComparison.Ordinal);
        Assert.Equal(privacy is null ? null : "Privacy: " + privacy, invite.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("Privacy:", StringComparison.Ordinal)));
        Assert.DoesNotContain(line, invite, StringComparison.Ordinal); // never the internal account id
    }

    /// <summary>The INVITE the trunk received, from sipp's message log.</summary>
    private async Task<string> InviteIn(string log)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : string.Empty;
            var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf("\n\n", at, StringComparison.Ordinal);
            end = end < 0 && at >= 0 ? text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal) : end;
            if (end >= 0)
            {
                return text[at..end];
            }

            await Task.Delay(20, _guard.Token);
        }
    }
}
