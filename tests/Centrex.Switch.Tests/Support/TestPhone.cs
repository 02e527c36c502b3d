using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A minimal SIP phone over a real UDP socket on 127.0.0.1, reading with the switch's own parser. Receives wait at
/// most <see cref="Patience"/> (a bound so a broken switch fails the test instead of hanging it, not a timing check).
/// </summary>
internal sealed class TestPhone : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly UdpClient _udp;
    private IPEndPoint _switch;
    private int _cseq;

    /// <summary>A phone on <paramref name="local"/> (127.0.0.1 unless given: 127.0.0.2 is another source address on Linux).</summary>
    public TestPhone(IPEndPoint target, string user, IPAddress? local = null)
    {
        _udp = new UdpClient(new IPEndPoint(local ?? IPAddress.Loopback, 0));
        _switch = target;
        User = user;
    }

    public string User { get; }

    /// <summary>Points the phone at another switch address (for a gateway created before the switch).</summary>
    public void Retarget(IPEndPoint target) => _switch = target;

    public IPEndPoint Local => (IPEndPoint)_udp.Client.LocalEndPoint!;

    public string Contact => $"<sip:{User}@{Local}>";

    public string NextBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N")[..12];

    public int NextCSeq() => ++_cseq;

    public void Send(string message) => SendTo(message, _switch);

    public void SendTo(string message, IPEndPoint to)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        _udp.Send(bytes, bytes.Length, to);
    }

    public void SendBytes(byte[] bytes) => _udp.Send(bytes, bytes.Length, _switch);

    /// <summary>The next message for which <paramref name="match"/> holds (others are skipped), with where it came from.</summary>
    public (SipMessage Message, IPEndPoint From) Receive(Func<SipMessage, bool>? match = null)
    {
        using var cancel = new CancellationTokenSource(Patience);
        while (true)
        {
            var result = _udp.ReceiveAsync(cancel.Token).AsTask().GetAwaiter().GetResult();
            var message = SipMessage.ParseNew(result.Buffer, out var error);

            // A 400 to a malformed message copies its broken headers back; such replies are not what tests wait for.
            if (error == SipParseError.None && (match is null || match(message)))
            {
                return (message, result.RemoteEndPoint);
            }
        }
    }

    /// <summary>
    /// The messages already waiting in the socket, without waiting for more. Loopback UDP is delivered inside the
    /// sender's send call, so after the manual clock's Advance (which sends on the calling thread) this is exact.
    /// </summary>
    public List<SipMessage> Drain()
    {
        var messages = new List<SipMessage>();
        while (_udp.Available > 0)
        {
            IPEndPoint? from = null;
            messages.Add(SipMessage.ParseNew(_udp.Receive(ref from), out _));
        }

        return messages;
    }

    public SipMessage ReceiveResponse(int status) => Receive(m => !m.IsRequest && m.StatusCode == status).Message;

    public SipMessage ReceiveFinal() => Receive(m => !m.IsRequest && m.StatusCode >= 200).Message;

    public (SipMessage Message, IPEndPoint From) ReceiveRequest(string method) =>
        Receive(m => m.IsRequest && m.Text(m.MethodName) == method);

    public string Request(string method, string uri, string callId, int cseq, string fromTag, string? to = null,
        string? extra = null, string body = "", string? branch = null) =>
        $"{method} {uri} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {Local};branch={branch ?? NextBranch()};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{User}@centrex.test>;tag={fromTag}\r\n" +
        $"To: {to ?? $"<{uri}>"}\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        $"Contact: {Contact}\r\n" +
        (extra ?? string.Empty) +
        (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;

    /// <summary>A response to <paramref name="request"/>, copying Via, From, To (with <paramref name="toTag"/>), Call-ID, CSeq.</summary>
    public string Response(SipMessage request, int status, string reason, string toTag, string body = "")
    {
        var via = new StringBuilder();
        for (var i = 0; i < request.HeaderCount; i++)
        {
            if (request.Header(i).Kind == SipHeaderKind.Via)
            {
                via.Append("Via: ").Append(request.Text(request.Header(i).Value)).Append("\r\n");
            }
        }

        var to = request.Text(request.Find(SipHeaderKind.To));
        if (request.To.Tag.IsEmpty)
        {
            to += ";tag=" + toTag;
        }

        return $"SIP/2.0 {status} {reason}\r\n{via}" +
            $"From: {request.Text(request.Find(SipHeaderKind.From))}\r\nTo: {to}\r\n" +
            $"Call-ID: {request.Text(request.CallId)}\r\nCSeq: {request.CSeq} {request.Text(request.CSeqMethodName)}\r\n" +
            $"Contact: {Contact}\r\n" +
            (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
            $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;
    }

    /// <summary>
    /// The Authorization value for a challenge, computed independently of the switch (RFC 7616 §3.4.1): with
    /// qop=auth and nonce count <paramref name="nc"/>, or without qop (RFC 2069 style) when <paramref name="qop"/> is false.
    /// </summary>
    public static string Authorization(SipMessage challenge, SipHeaderKind kind, string user, string password, string method, string uri,
        string algorithm = "MD5", string nc = "00000001", bool qop = true)
    {
        string? header = null;
        for (var i = 0; i < challenge.HeaderCount; i++)
        {
            var h = challenge.Header(i);
            if (h.Kind == kind && challenge.Text(h.Value).Contains($"algorithm={algorithm}", StringComparison.Ordinal))
            {
                header = challenge.Text(h.Value);
            }
        }

        Assert.NotNull(header);
        var realm = Param(header, "realm");
        var nonce = Param(header, "nonce");
        var sha = algorithm == "SHA-256";
        var ha1 = Hash(sha, $"{user}:{realm}:{password}");
        var ha2 = Hash(sha, $"{method}:{uri}");
        const string cnonce = "0a4f113b";
        if (!qop)
        {
            return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
                $"response=\"{Hash(sha, $"{ha1}:{nonce}:{ha2}")}\", algorithm={algorithm}";
        }

        var response = Hash(sha, $"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", " +
            $"algorithm={algorithm}, cnonce=\"{cnonce}\", qop=auth, nc={nc}";
    }

    public static string Hash(bool sha256, string text) =>
        Convert.ToHexStringLower(sha256 ? SHA256.HashData(Encoding.UTF8.GetBytes(text)) : MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Param(string header, string name)
    {
        var start = header.IndexOf(name + "=\"", StringComparison.Ordinal) + name.Length + 2;
        return header[start..header.IndexOf('"', start)];
    }

    public void Dispose() => _udp.Dispose();
}
