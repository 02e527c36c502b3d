using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 13 item 6 against the real <c>centrex serve</c>: a REGISTER brute force from 127.0.0.2 (another source than
/// 127.0.0.1 on Linux loopback) is written to standard error one line per failure in the README's fixed format, and
/// the address is blocked after 20 strikes, while alice's own phone on 127.0.0.1 registers. Default limits, real clock:
/// the test never waits on time, only for answers and for the process to stop.
/// </summary>
public sealed partial class ServeAuthenticationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_RegisterBruteForceFromAnotherAddress_IsLoggedForFail2ban_AndBlocked_WhileThePhoneRegisters()
    {
        using var serve = await AliceRegister.ServeAsync(_folder);
        var server = AliceRegister.Udp(serve);
        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang fails, never times
        var attack = CallId(attacker);

        var nonce = Nonce().Match(await AliceRegister.Exchange(attacker, server, attack, 1, null, patience.Token)).Groups[1].Value;
        for (var cseq = 2; cseq <= 11; cseq++)
        {
            Assert.StartsWith("SIP/2.0 401 ", await AliceRegister.Exchange(attacker, server, attack, cseq, AliceRegister.Authorization(server, nonce, $"guess-{cseq}"), patience.Token), StringComparison.Ordinal);
        }

        for (var cseq = 12; cseq <= 40; cseq++)
        {
            await AliceRegister.Send(attacker, server, attack, cseq, AliceRegister.Authorization(server, nonce, $"guess-{cseq}"), patience.Token); // slowed, then blocked: no answers awaited
        }

        var challenge = await AliceRegister.Exchange(phone, server, CallId(phone), 1, null, patience.Token);
        var ownNonce = Nonce().Match(challenge).Groups[1].Value;
        Assert.StartsWith("SIP/2.0 200 ", await AliceRegister.Exchange(phone, server, CallId(phone), 2, AliceRegister.Authorization(server, ownNonce, SwitchProvisioning.Password), patience.Token), StringComparison.Ordinal);

        Assert.Equal(0, await serve.StopAsync());
        var lines = serve.Error.Split('\n').Where(line => line.Contains("sip-auth-failure", StringComparison.Ordinal)).ToList();
        var port = ((IPEndPoint)attacker.Client.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
        var matches = lines.Select(line => Fail2ban().Match(line)).ToList();
        Assert.All(matches, match => Assert.True(match.Success && match.Groups["host"].Value == "127.0.0.2" && match.Groups["port"].Value == port, match.Value));
        Assert.InRange(matches.Count(m => m.Groups["reason"].Value == "wrong-password"), 10, 19);
        Assert.Single(matches, m => m.Groups["reason"].Value == "blocked");
        Assert.DoesNotContain(lines, line => line.Contains("response", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--sip-auth-slow-after", "0")]
    [InlineData("--sip-auth-block-after", "5")]
    public void Serve_WithSipAuthLimitsOutOfRange_ExitsTwoSayingWhatIsWrong(string option, string value)
    {
        var directory = _folder.Write("switch.json", "{}");

        var result = CliRun.Invoke("serve", "--sip", "127.0.0.1:0", "--data", _folder.File("data"), "--directory", directory, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sip-auth-slow-after (", result.Error, StringComparison.Ordinal);
    }

    // One call (and its Call-ID) per client: the attacker's REGISTERs and the phone's are told apart as a registrar would.
    private static string CallId(UdpClient client) => $"serve-auth-{((IPEndPoint)client.Client.LocalEndPoint!).Port}";

    [GeneratedRegex("nonce=\"([^\"]+)\", algorithm=MD5")]
    private static partial Regex Nonce();

    /// <summary>The README's fail2ban failregex, after the ISO 8601 date fail2ban cuts off, with &lt;HOST&gt; written out.</summary>
    [GeneratedRegex("""^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\s*centrex: sip-auth-failure ip=(?<host>[0-9A-Fa-f.:]+) port=(?<port>\d+) transport=(?:udp|tcp) method=[A-Z]+ user="(?:[^"\\]|\\.)*" realm="(?:[^"\\]|\\.)*" reason=(?<reason>wrong-password|unknown-user|replay|invalid|blocked)(?: until=\S+)?$""")]
    private static partial Regex Fail2ban();
}
