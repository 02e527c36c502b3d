using System.Net;
using System.Net.Sockets;

namespace Centrex.Switch.Tests.Support;

/// <summary>A phone's media socket on loopback, on a port the system chooses.</summary>
internal sealed class UdpParty : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpParty() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public string Sdp(int? advertisedPort = null) =>
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {advertisedPort ?? Port} RTP/AVP 0 101\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\nm=video 9000 RTP/AVP 96\r\n";

    public void SendTo(int port, byte[] payload) => _socket.SendTo(payload, new IPEndPoint(IPAddress.Loopback, port));

    /// <summary>Waits for the next datagram (the token only guards against a hang).</summary>
    public async Task<(byte[] Payload, int FromPort)> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[2048];
        var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellation);
        return (buffer[..result.ReceivedBytes], ((IPEndPoint)result.RemoteEndPoint).Port);
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>A range of <paramref name="ports"/> loopback UDP ports found free just now (starting even).</summary>
    public static int FreeRange(int ports)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            int start;
            using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                start = ((IPEndPoint)probe.LocalEndPoint!).Port & ~1;
            }

            if (start + ports > 65535)
            {
                continue;
            }

            var held = new List<Socket>();
            try
            {
                for (var port = start; port < start + ports; port++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    held.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }

                return start;
            }
            catch (SocketException)
            {
                // Part of it is taken: try another.
            }
            finally
            {
                held.ForEach(s => s.Dispose());
            }
        }

        throw new InvalidOperationException("no free loopback port range");
    }
}
