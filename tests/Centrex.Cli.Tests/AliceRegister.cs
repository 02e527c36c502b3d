using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Centrex.Cli.Tests;

/// <summary>
/// REGISTERs for alice (<see cref="SwitchProvisioning"/>'s first line) over UDP, written here rather than by the switch's
/// code, with the answer to a challenge computed here too: what a phone sends, for the tests of serve's registrar.
/// </summary>
internal static class AliceRegister
{
    /// <summary>
    /// Serve's switch alone (no <c>--http</c>) on <see cref="SwitchProvisioning.Json"/> imported into
    /// <paramref name="folder"/>'s <c>data</c>, once it listens.
    /// </summary>
    public static async Task<CentrexProcess> ServeAsync(TempFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var data = folder.File("data");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, folder.Write("switch.json", SwitchProvisioning.Json())).ExitCode);
        return await CentrexProcess.ServeSipAsync("--sip", "127.0.0.1:0", "--data", data);
    }

    /// <summary>Where <paramref name="serve"/> listens for SIP over UDP: the first line it printed.</summary>
    public static IPEndPoint Udp(CentrexProcess serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        var udp = serve.Output[0];
        Assert.StartsWith("sip udp 127.0.0.1:", udp, StringComparison.Ordinal);
        return IPEndPoint.Parse(udp["sip udp ".Length..]);
    }

    /// <summary>RFC 7616 §3.4.1 with qop=auth, MD5, for alice with <paramref name="password"/>: the header line, CRLF included.</summary>
    public static string Authorization(IPEndPoint server, string nonce, string password)
    {
        ArgumentNullException.ThrowIfNull(server);
        static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        var uri = $"sip:{server}";
        var ha1 = Md5($"alice:{SwitchProvisioning.Realm}:{password}");
        var response = Md5($"{ha1}:{nonce}:00000001:c0ffee:auth:{Md5($"REGISTER:{uri}")}");
        return $"Authorization: Digest username=\"alice\", realm=\"{SwitchProvisioning.Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
            $"response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
    }

    /// <summary>Sends REGISTER <paramref name="cseq"/> of call <paramref name="callId"/> from <paramref name="client"/>, with <paramref name="authorization"/> when not null.</summary>
    public static async Task Send(UdpClient client, IPEndPoint server, string callId, int cseq, string? authorization, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(client);
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var register = $"REGISTER sip:{server} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{callId}-{cseq};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:alice@{SwitchProvisioning.Realm}>;tag=r{local.Port}\r\nTo: <sip:alice@{SwitchProvisioning.Realm}>\r\nCall-ID: {callId}\r\n" +
            $"CSeq: {cseq} REGISTER\r\nContact: <sip:alice@{local}>\r\nExpires: 60\r\n{authorization}Content-Length: 0\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(register), server, cancel);
    }

    /// <summary><see cref="Send"/>, then the answer that comes back.</summary>
    public static async Task<string> Exchange(UdpClient client, IPEndPoint server, string callId, int cseq, string? authorization, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(client);
        await Send(client, server, callId, cseq, authorization, cancel);
        return Encoding.ASCII.GetString((await client.ReceiveAsync(cancel)).Buffer);
    }
}
