using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Centrex.Switch.Transport;

/// <summary>
/// The <see cref="SipSource"/> of each UDP peer, kept by one reader thread so a datagram from a known IPv4 peer costs
/// no allocation (no IPEndPoint, no SipSource). Bounded: past <see cref="Capacity"/> peers (a scan, spoofed sources) it
/// starts over, which costs allocations and nothing else.
/// </summary>
internal sealed class UdpSourceCache
{
    public const int Capacity = 65_536;

    private readonly Dictionary<ulong, SipSource> _ipv4 = [];

    /// <summary>The source of a datagram whose sender the socket wrote into <paramref name="address"/>.</summary>
    public SipSource Get(SocketAddress address)
    {
        var bytes = address.Buffer.Span;
        if (address.Family != AddressFamily.InterNetwork || address.Size < 8)
        {
            return New(address);
        }

        // sockaddr_in: family (2 bytes), port (2, network order), address (4).
        var key = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
        if (_ipv4.TryGetValue(key, out var source))
        {
            return source;
        }

        if (_ipv4.Count >= Capacity)
        {
            _ipv4.Clear();
        }

        source = New(address);
        _ipv4[key] = source;
        return source;
    }

    private static SipSource New(SocketAddress address) =>
        new(SipTransportKind.Udp, (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address), null);
}
