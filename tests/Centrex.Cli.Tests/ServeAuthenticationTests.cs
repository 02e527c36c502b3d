using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
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
        var data = _folder.File("data");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, _folder.Write("switch.json", SwitchProvisioning.Json())).ExitCode);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "centrex.dll"), "serve", "--sip", "127.0.0.1:0", "--data", data])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var udp = await process.StandardOutput.ReadLineAsync();
            Assert.StartsWith("sip udp 127.0.0.1:", udp, StringComparison.Ordinal);
            var server = IPEndPoint.Parse(udp!["sip udp ".Length..]);
            using var attacker = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang fails, never times

            var nonce = Nonce().Match(await Exchange(attacker, server, 1, null, patience.Token)).Groups[1].Value;
            for (var cseq = 2; cseq <= 11; cseq++)
            {
                Assert.StartsWith("SIP/2.0 401 ", await Exchange(attacker, server, cseq, Authorization(server, nonce, $"guess-{cseq}"), patience.Token), StringComparison.Ordinal);
            }

            for (var cseq = 12; cseq <= 40; cseq++)
            {
                await Send(attacker, server, cseq, Authorization(server, nonce, $"guess-{cseq}"), patience.Token); // slowed, then blocked: no answers awaited
            }

            var challenge = await Exchange(phone, server, 1, null, patience.Token);
            var ownNonce = Nonce().Match(challenge).Groups[1].Value;
            Assert.StartsWith("SIP/2.0 200 ", await Exchange(phone, server, 2, Authorization(server, ownNonce, SwitchProvisioning.Password), patience.Token), StringComparison.Ordinal);

            await Stop(process);
            var lines = (await error).Split('\n').Where(line => line.Contains("sip-auth-failure", StringComparison.Ordinal)).ToList();
            var port = ((IPEndPoint)attacker.Client.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
            var matches = lines.Select(line => Fail2ban().Match(line)).ToList();
            Assert.All(matches, match => Assert.True(match.Success && match.Groups["host"].Value == "127.0.0.2" && match.Groups["port"].Value == port, match.Value));
            Assert.InRange(matches.Count(m => m.Groups["reason"].Value == "wrong-password"), 10, 19);
            Assert.Single(matches, m => m.Groups["reason"].Value == "blocked");
            Assert.DoesNotContain(lines, line => line.Contains("response", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
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

    private static async Task Stop(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "centrex serve stopped");
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>RFC 7616 §3.4.1 with qop=auth, MD5, for alice, computed here rather than by the switch's code.</summary>
    private static string Authorization(IPEndPoint server, string nonce, string password)
    {
        static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        var uri = $"sip:{server}";
        var ha1 = Md5($"alice:{SwitchProvisioning.Realm}:{password}");
        var response = Md5($"{ha1}:{nonce}:00000001:c0ffee:auth:{Md5($"REGISTER:{uri}")}");
        return $"Authorization: Digest username=\"alice\", realm=\"{SwitchProvisioning.Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
            $"response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
    }

    private static async Task<string> Exchange(UdpClient client, IPEndPoint server, int cseq, string? authorization, CancellationToken cancel)
    {
        await Send(client, server, cseq, authorization, cancel);
        return Encoding.ASCII.GetString((await client.ReceiveAsync(cancel)).Buffer);
    }

    private static async Task Send(UdpClient client, IPEndPoint server, int cseq, string? authorization, CancellationToken cancel)
    {
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var register = $"REGISTER sip:{server} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bKauth{cseq};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:alice@{SwitchProvisioning.Realm}>;tag=r{local.Port}\r\nTo: <sip:alice@{SwitchProvisioning.Realm}>\r\nCall-ID: serve-auth-{local.Port}\r\n" +
            $"CSeq: {cseq} REGISTER\r\nContact: <sip:alice@{local}>\r\nExpires: 60\r\n{authorization}Content-Length: 0\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(register), server, cancel);
    }

    [GeneratedRegex("nonce=\"([^\"]+)\", algorithm=MD5")]
    private static partial Regex Nonce();

    /// <summary>The README's fail2ban failregex, after the ISO 8601 date fail2ban cuts off, with &lt;HOST&gt; written out.</summary>
    [GeneratedRegex("""^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\s*centrex: sip-auth-failure ip=(?<host>[0-9A-Fa-f.:]+) port=(?<port>\d+) transport=(?:udp|tcp) method=[A-Z]+ user="(?:[^"\\]|\\.)*" realm="(?:[^"\\]|\\.)*" reason=(?<reason>wrong-password|unknown-user|replay|invalid|blocked)(?: until=\S+)?$""")]
    private static partial Regex Fail2ban();
}
