using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Centrex.Cli.Tests;

/// <summary>
/// <c>centrex serve --data DIR</c> runs the switch from what <c>centrex provision import</c> stored (issue 4): its realm
/// in the challenge, and the stored digest hash accepting the password it was made from and nothing else.
/// </summary>
public sealed partial class ServeRegistrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_FromTheStore_ChallengesARegisterInItsRealm_AcceptsTheProvisionedPassword_AndRefusesAnother()
    {
        var data = _folder.File("data");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, _folder.Write("switch.json", SwitchProvisioning.Json())).ExitCode);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "centrex.dll"), "serve", "--sip", "127.0.0.1:0", "--data", data])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        try
        {
            var udp = await process.StandardOutput.ReadLineAsync();
            Assert.StartsWith("sip udp 127.0.0.1:", udp, StringComparison.Ordinal);
            var server = IPEndPoint.Parse(udp!["sip udp ".Length..]);
            using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var challenge = await Register(client, server, 1, null, patience.Token);
            Assert.StartsWith("SIP/2.0 401 ", challenge, StringComparison.Ordinal);
            var offer = ChallengeLine().Match(challenge); // the first offered: MD5, as provisioned ["MD5", "SHA-256"]
            Assert.Equal((SwitchProvisioning.Realm, "MD5"), (offer.Groups["realm"].Value, offer.Groups["algorithm"].Value));
            var nonce = offer.Groups["nonce"].Value;

            var accepted = await Register(client, server, 2, Authorization(server, nonce, SwitchProvisioning.Password), patience.Token);
            var refused = await Register(client, server, 3, Authorization(server, nonce, "not-the-password"), patience.Token);

            Assert.StartsWith("SIP/2.0 200 ", accepted, StringComparison.Ordinal);
            Assert.StartsWith("SIP/2.0 401 ", refused, StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "centrex serve stopped");
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("switch directory from " + Path.Combine(data, "provisioning.db") + ": 3 SIP accounts, realm \"centrex.test\"",
                await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [GeneratedRegex("WWW-Authenticate: Digest realm=\"(?<realm>[^\"]*)\", nonce=\"(?<nonce>[^\"]*)\", algorithm=(?<algorithm>[A-Z0-9-]+)")]
    private static partial Regex ChallengeLine();

    /// <summary>RFC 7616 §3.4.1 with qop=auth, MD5, computed here from the password rather than by the switch's code.</summary>
    private static string Authorization(IPEndPoint server, string nonce, string password)
    {
        static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        var uri = $"sip:{server}";
        var ha1 = Md5($"alice:{SwitchProvisioning.Realm}:{password}");
        var response = Md5($"{ha1}:{nonce}:00000001:c0ffee:auth:{Md5($"REGISTER:{uri}")}");
        return $"Authorization: Digest username=\"alice\", realm=\"{SwitchProvisioning.Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
            $"response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
    }

    private static async Task<string> Register(UdpClient client, IPEndPoint server, int cseq, string? authorization, CancellationToken cancel)
    {
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var register = $"REGISTER sip:{server} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bKreg{cseq};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:alice@{SwitchProvisioning.Realm}>;tag=r1\r\nTo: <sip:alice@{SwitchProvisioning.Realm}>\r\nCall-ID: serve-register\r\n" +
            $"CSeq: {cseq} REGISTER\r\nContact: <sip:alice@{local}>\r\nExpires: 60\r\n{authorization}Content-Length: 0\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(register), server, cancel);
        return Encoding.ASCII.GetString((await client.ReceiveAsync(cancel)).Buffer);
    }
}
