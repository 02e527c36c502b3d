using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Support;

/// <summary>
/// A minimal SIP phone over a real TLS connection on 127.0.0.1 (.NET's <see cref="SslStream"/>, OpenSSL underneath),
/// framing what it reads with the switch's own framing and parser. It trusts exactly the certificate it is given (the
/// switch's, made by the test), so a handshake that completes proves the switch presented it. Reads wait at most ten
/// seconds (a bound so a broken switch fails the test, not a timing check).
/// </summary>
internal sealed class TlsPhone : IDisposable
{
    private const int PatienceMs = 10_000;
    private readonly TcpClient _tcp;
    private readonly SslStream _tls;
    private readonly byte[] _buffer = new byte[SipLimits.MaxMessageBytes * 2];
    private int _count;
    private int _cseq;

    private TlsPhone(TcpClient tcp, SslStream tls, string user)
    {
        _tcp = tcp;
        _tls = tls;
        User = user;
        Local = (IPEndPoint)tcp.Client.LocalEndPoint!;
        ContactUri = $"sips:{user}@{Local}";
    }

    public string User { get; }

    public IPEndPoint Local { get; }

    /// <summary>What the phone puts in its Contact (a <c>sips:</c> URI on its own address unless a test says otherwise).</summary>
    public string ContactUri { get; set; }

    /// <summary>The TLS version the handshake settled on.</summary>
    public SslProtocols Protocol => _tls.SslProtocol;

    /// <summary>Connects to the switch's TLS listener, trusting only <paramref name="serverCertificate"/>.</summary>
    public static TlsPhone Connect(IPEndPoint target, string user, X509Certificate2 serverCertificate, SslProtocols protocols = SslProtocols.None)
    {
        var tcp = new TcpClient(new IPEndPoint(IPAddress.Loopback, 0)) { ReceiveTimeout = PatienceMs, SendTimeout = PatienceMs };
        try
        {
            tcp.Connect(target);
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            using var patience = new CancellationTokenSource(PatienceMs);
            tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "centrex.test",
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHashString() == serverCertificate.GetCertHashString(),
            }, patience.Token).GetAwaiter().GetResult();
            return new TlsPhone(tcp, tls, user);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Accepts one connection on <paramref name="listener"/> (the switch calling this phone at its contact), as its TLS server.</summary>
    public static async Task<TlsPhone> AcceptAsync(TcpListener listener, X509Certificate2 certificate, string user)
    {
        using var patience = new CancellationTokenSource(PatienceMs);
        var tcp = await listener.AcceptTcpClientAsync(patience.Token);
        tcp.ReceiveTimeout = PatienceMs;
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, patience.Token);
        return new TlsPhone(tcp, tls, user);
    }

    public string NextBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N")[..12];

    public int NextCSeq() => ++_cseq;

    public void Send(string message)
    {
        _tls.Write(Encoding.UTF8.GetBytes(message));
        _tls.Flush();
    }

    /// <summary>The next message for which <paramref name="match"/> holds (others are skipped).</summary>
    public SipMessage Receive(Func<SipMessage, bool>? match = null)
    {
        while (true)
        {
            while (SipFraming.TryFrame(_buffer.AsSpan(0, _count), out var skip, out var length, out _) == SipFrameStatus.Message)
            {
                var message = SipMessage.ParseNew(_buffer.AsSpan(skip, length), out var error);
                Buffer.BlockCopy(_buffer, skip + length, _buffer, 0, _count - skip - length);
                _count -= skip + length;
                if (error == SipParseError.None && (match is null || match(message)))
                {
                    return message;
                }
            }

            var read = _tls.Read(_buffer, _count, _buffer.Length - _count);
            if (read == 0)
            {
                throw new IOException("the switch closed the connection");
            }

            _count += read;
        }
    }

    public SipMessage ReceiveFinal() => Receive(m => !m.IsRequest && m.StatusCode >= 200);

    public SipMessage ReceiveResponse(int status) => Receive(m => !m.IsRequest && m.StatusCode == status);

    public SipMessage ReceiveRequest(string method) => Receive(m => m.IsRequest && m.Text(m.MethodName) == method);

    public string Request(string method, string uri, string callId, int cseq, string fromTag, string? to = null,
        string? extra = null, string body = "", string? branch = null) =>
        $"{method} {uri} SIP/2.0\r\n" +
        $"Via: SIP/2.0/TLS {Local};branch={branch ?? NextBranch()};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:{User}@{SwitchFixture.Realm}>;tag={fromTag}\r\n" +
        $"To: {to ?? $"<{uri}>"}\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        $"Contact: <{ContactUri}>\r\n" +
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
            $"Contact: <{ContactUri}>\r\n" +
            (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty) +
            $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;
    }

    /// <summary>REGISTER to <c>sips:centrex.test</c>, 401, REGISTER with credentials; returns the final response.</summary>
    public SipMessage Register(string scheme = "sips")
    {
        var callId = Guid.NewGuid().ToString("N");
        var uri = $"{scheme}:{SwitchFixture.Realm}";
        var to = $"<sip:{User}@{SwitchFixture.Realm}>";
        Send(Request("REGISTER", uri, callId, NextCSeq(), "reg", to, "Expires: 3600\r\n"));
        var challenge = ReceiveFinal();
        if (challenge.StatusCode != 401)
        {
            return challenge;
        }

        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, User, SwitchFixture.Password, "REGISTER", uri);
        Send(Request("REGISTER", uri, callId, NextCSeq(), "reg", to, $"Expires: 3600\r\nAuthorization: {authorization}\r\n"));
        return ReceiveFinal();
    }

    /// <summary>INVITE to <paramref name="uri"/>, 407, ACK, INVITE with credentials: what follows is the test's to read.</summary>
    public void Invite(string uri, string callId)
    {
        Send(Request("INVITE", uri, callId, 1, "a1", body: Flows.Sdp));
        var challenge = ReceiveResponse(407);
        Send($"ACK {uri} SIP/2.0\r\nVia: {challenge.Text(challenge.Find(SipHeaderKind.Via))}\r\nMax-Forwards: 70\r\n" +
            $"From: {challenge.Text(challenge.Find(SipHeaderKind.From))}\r\nTo: {challenge.Text(challenge.Find(SipHeaderKind.To))}\r\n" +
            $"Call-ID: {callId}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
        var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, User, SwitchFixture.Password, "INVITE", uri);
        Send(Request("INVITE", uri, callId, 2, "a1", extra: $"Proxy-Authorization: {authorization}\r\n", body: Flows.Sdp));
    }

    /// <summary>Whether the switch closed the connection within <paramref name="patience"/> (bytes sent meanwhile are skipped).</summary>
    public bool ClosedWithin(TimeSpan patience)
    {
        _tcp.ReceiveTimeout = (int)patience.TotalMilliseconds;
        try
        {
            while (_tls.Read(_buffer, 0, _buffer.Length) > 0)
            {
            }

            return true;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
        {
            return false;
        }
        catch (IOException)
        {
            return true; // reset
        }
    }

    public void Dispose()
    {
        _tls.Dispose();
        _tcp.Dispose();
    }
}
