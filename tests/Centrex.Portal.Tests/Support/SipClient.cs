using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// A phone in the test process on a real UDP socket, for the tries that time the switch (a sipp try costs a process
/// start first, over a second on a loaded host): REGISTER or INVITE, the digest challenge answered (RFC 3261 §22,
/// RFC 7616 §3.4 with qop=auth, MD5: what the portal tests' switch offers first), then the final response. Written from
/// the RFCs, not from the switch's code.
/// </summary>
public sealed partial class SipClient : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10); // a bound, not a timing check
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _switch;
    private readonly string _user;
    private readonly string _password;
    private int _cseq;

    public SipClient(IPEndPoint sipSwitch, string user, string password)
    {
        _switch = sipSwitch;
        _user = user;
        _password = password;
    }

    private IPEndPoint Local => (IPEndPoint)_udp.Client.LocalEndPoint!;

    /// <summary>Registers; the final status (200 when the switch took the password) and when it came (UTC).</summary>
    public async Task<(int Status, DateTime At)> RegisterAsync()
    {
        var uri = $"sip:{_switch}";
        var callId = Guid.NewGuid().ToString("N");
        var headers = $"To: <sip:{_user}@{_switch}>\r\nContact: <sip:{_user}@{Local}>\r\nExpires: 60\r\n";
        var first = await RequestAsync("REGISTER", uri, callId, headers, string.Empty, null);
        if (first.Status != 401)
        {
            return (first.Status, DateTime.UtcNow);
        }

        var final = await RequestAsync("REGISTER", uri, callId, headers, string.Empty, "Authorization: " + Digest(first.Text, "WWW-Authenticate", "REGISTER", uri));
        return (final.Status, DateTime.UtcNow);
    }

    /// <summary>
    /// Calls <paramref name="dialed"/>: answered (200, acknowledged, then hung up) or the final status, and when the final
    /// response came (UTC).
    /// </summary>
    public async Task<(int Status, DateTime At)> CallAsync(string dialed)
    {
        var uri = $"sip:{dialed}@{_switch}";
        var callId = Guid.NewGuid().ToString("N");
        var headers = $"To: <{uri}>\r\nContact: <sip:{_user}@{Local}>\r\n";
        const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        var first = await RequestAsync("INVITE", uri, callId, headers, Sdp, null);
        if (first.Status != 407)
        {
            return (first.Status, DateTime.UtcNow);
        }

        await SendAsync(Ack(first, uri, callId)); // a final non-2xx is acknowledged in its own transaction (§17.1.1.3)
        var answer = await RequestAsync("INVITE", uri, callId, headers, Sdp, "Proxy-Authorization: " + Digest(first.Text, "Proxy-Authenticate", "INVITE", uri));
        var at = DateTime.UtcNow;
        if (answer.Status != 200)
        {
            await SendAsync(Ack(answer, uri, callId));
            return (answer.Status, at);
        }

        var to = Header(answer.Text, "To");
        await SendAsync(Message("ACK", uri, callId, _cseq, $"To: {to}\r\n", string.Empty, null, "ACK"));
        var bye = await RequestAsync("BYE", uri, callId, $"To: {to}\r\n", string.Empty, null);
        Assert.Equal(200, bye.Status);
        return (200, at);
    }

    public void Dispose() => _udp.Dispose();

    private string Ack((int Status, string Text, string Branch) final, string uri, string callId) =>
        Message("ACK", uri, callId, _cseq, $"To: {Header(final.Text, "To")}\r\n", string.Empty, null, "ACK", final.Branch);

    // Sends a request and returns its final response (provisional ones skipped).
    private async Task<(int Status, string Text, string Branch)> RequestAsync(string method, string uri, string callId, string headers, string body, string? auth)
    {
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
        var cseq = ++_cseq;
        var message = Message(method, uri, callId, cseq, headers, body, auth, method, branch);
        using var deadline = new CancellationTokenSource(Patience);
        await SendAsync(message);
        while (true)
        {
            // Loopback does not lose datagrams here: no retransmission; a switch that never answers fails the bound.
            var text = Encoding.UTF8.GetString((await _udp.ReceiveAsync(deadline.Token)).Buffer);
            var status = StatusLine().Match(text);
            if (status.Success && Header(text, "Via").Contains(branch, StringComparison.Ordinal)
                && int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var code && code >= 200)
            {
                return (code, text, branch);
            }
        }
    }

    private string Message(string method, string uri, string callId, int cseq, string headers, string body, string? auth, string cseqMethod, string? branch = null) =>
        $"{method} {uri} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {Local};branch={branch ?? "z9hG4bK" + Guid.NewGuid().ToString("N")[..16]};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{_user}@{_switch}>;tag=t{callId[..8]}\r\n" +
        headers +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {cseqMethod}\r\n" +
        (auth is null ? string.Empty : auth + "\r\n") +
        (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;

    private Task SendAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        return _udp.SendAsync(bytes, bytes.Length, _switch);
    }

    // The credentials for the MD5 challenge of `header` (RFC 7616 §3.4.1, qop=auth).
    private string Digest(string challenge, string header, string method, string uri)
    {
        var md5 = challenge.Split("\r\n").First(l => l.StartsWith(header + ":", StringComparison.OrdinalIgnoreCase) && l.Contains("algorithm=MD5", StringComparison.Ordinal));
        var realm = Param(md5, "realm");
        var nonce = Param(md5, "nonce");
        const string Cnonce = "0a4f113b";
        const string Nc = "00000001";
        var ha1 = Md5($"{_user}:{realm}:{_password}");
        var ha2 = Md5($"{method}:{uri}");
        var response = Md5($"{ha1}:{nonce}:{Nc}:{Cnonce}:auth:{ha2}");
        return $"Digest username=\"{_user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5, cnonce=\"{Cnonce}\", qop=auth, nc={Nc}";
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Param(string header, string name) =>
        Regex.Match(header, name + "=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no {name} in {header}");

    private static string Header(string message, string name) =>
        message.Split("\r\n").First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();

    [GeneratedRegex(@"^SIP/2\.0 (\d{3})")]
    private static partial Regex StatusLine();
}
