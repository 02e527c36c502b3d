using System.Net;
using System.Net.Sockets;

namespace Centrex.Switch.Media;

/// <summary>Two bound UDP sockets: RTP on an even port and RTCP on the odd port above it (RFC 3550 §11).</summary>
internal sealed class PortPair : IDisposable
{
    private PortPair(int port, Socket rtp, Socket rtcp)
    {
        Port = port;
        Rtp = rtp;
        Rtcp = rtcp;
    }

    /// <summary>The RTP port (even).</summary>
    public int Port { get; }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    /// <summary>Binds both ports, or neither.</summary>
    public static PortPair? TryBind(IPAddress address, int port)
    {
        var rtp = TryBindOne(address, port);
        if (rtp is null)
        {
            return null;
        }

        var rtcp = TryBindOne(address, port + 1);
        if (rtcp is null)
        {
            rtp.Dispose();
            return null;
        }

        return new PortPair(port, rtp, rtcp);
    }

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static Socket? TryBindOne(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose(); // taken by another process: the pool moves on to the next pair
            return null;
        }
    }
}
