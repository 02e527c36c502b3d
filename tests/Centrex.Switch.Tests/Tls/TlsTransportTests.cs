using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Authentication;
using Centrex.Switch.Tests.Support;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Tests.Tls;

/// <summary>
/// The TLS listener's own defences, with real sockets: a client that never finishes its handshake is closed after the
/// handshake timeout (not the much longer first-message timeout) while UDP and other TLS clients are served, and only
/// TLS 1.2 and 1.3 are spoken.
/// </summary>
public class TlsTransportTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";

    [Fact]
    public async Task Tls_ClientsThatNeverFinishTheHandshake_AreClosedAfterTheHandshakeTimeout_WhileUdpAndTlsKeepServing()
    {
        var handshake = TimeSpan.FromSeconds(1);
        await using var fixture = new SwitchFixture(tls: true, tcpLimits: new TcpLimits(HandshakeTimeout: handshake, FirstMessageTimeout: TimeSpan.FromMinutes(5)));
        var tls = fixture.Switch.TlsEndpoint!;
        var opened = Stopwatch.StartNew();
        var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var halfHello = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (silent)
        using (halfHello)
        {
            await silent.ConnectAsync(tls);
            await halfHello.ConnectAsync(tls);
            await halfHello.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03 }); // a ClientHello's first bytes

            // Meanwhile: a REGISTER over UDP and a whole TLS handshake and REGISTER from another client.
            using var alice = new TestPhone(fixture.Endpoint, Alice);
            Assert.Equal(200, Flows.Register(alice).StatusCode);
            using var bob = TlsPhone.Connect(tls, Bob, fixture.Certificate);
            Assert.Equal(200, bob.Register().StatusCode);

            Assert.True(await ClosedByThePeer(silent), "the silent client was closed");
            Assert.True(await ClosedByThePeer(halfHello), "the client with half a ClientHello was closed");
            Assert.InRange(opened.Elapsed, handshake * 0.9, TimeSpan.FromMinutes(1));
            Assert.Equal(200, bob.Register().StatusCode); // the client that finished its handshake is still served
        }
    }

    [Fact]
    public async Task Tls_OnlyTls12AndLater_AreSpoken()
    {
        await using var fixture = new SwitchFixture(tls: true);
        var tls = fixture.Switch.TlsEndpoint!;

        using var tls12 = TlsPhone.Connect(tls, Alice, fixture.Certificate, SslProtocols.Tls12);
        using var any = TlsPhone.Connect(tls, Bob, fixture.Certificate);
#pragma warning disable SYSLIB0039 // TLS 1.1 on purpose: the switch must refuse it
        var tls11 = Record.Exception(() => TlsPhone.Connect(tls, Alice, fixture.Certificate, SslProtocols.Tls11));
#pragma warning restore SYSLIB0039

        Assert.Equal(SslProtocols.Tls12, tls12.Protocol);
        Assert.Equal(200, tls12.Register().StatusCode);
        Assert.Equal(SslProtocols.Tls13, any.Protocol);
        Assert.True(tls11 is AuthenticationException or IOException, tls11?.ToString() ?? "TLS 1.1 was accepted");
    }

    [Fact]
    public async Task Tls_SomethingThatIsNotTls_IsClosed_AndTheListenerKeepsServing()
    {
        await using var fixture = new SwitchFixture(tls: true);
        var tls = fixture.Switch.TlsEndpoint!;
        using (var plain = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await plain.ConnectAsync(tls);
            await plain.SendAsync("OPTIONS sip:centrex.test SIP/2.0\r\n\r\n"u8.ToArray()); // plain SIP on the TLS port
            Assert.True(await ClosedByThePeer(plain));
        }

        using var phone = TlsPhone.Connect(tls, Bob, fixture.Certificate);
        Assert.Equal(200, phone.Register().StatusCode);
    }

    /// <summary>Whether the switch closed <paramref name="socket"/> (end of stream or reset) within a bound of ten seconds.</summary>
    private static async Task<bool> ClosedByThePeer(Socket socket)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token) > 0)
            {
                // an alert, or what the switch says before closing: read on to the end
            }

            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
