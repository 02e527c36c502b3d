using System.Net;

namespace Centrex.Switch.Media;

/// <summary>
/// Where the relay sends one party's media: first the address its SDP advertised, then, for good, the source of the
/// first packet that party sends (symmetric RTP, RFC 4961; "latching", RFC 7362 §4): a phone behind NAT advertises an
/// address nobody can reach, but its packets arrive from the one that reaches it. Latching once, not on every packet,
/// keeps a stray sender from stealing the stream mid-call.
/// </summary>
internal sealed class RelayTarget
{
    private readonly Lock _gate = new();
    private SocketAddress? _address;
    private bool _latched;

    public SocketAddress? Address => Volatile.Read(ref _address);

    public bool IsLatched => Volatile.Read(ref _latched);

    /// <summary>The SDP's address, unless the party has already been latched.</summary>
    public void Advertise(IPAddress address, int port)
    {
        lock (_gate)
        {
            if (!_latched)
            {
                Volatile.Write(ref _address, new IPEndPoint(address, port).Serialize());
            }
        }
    }

    /// <summary>Learns the party's address from a packet it sent (the first time only).</summary>
    public void Latch(SocketAddress source)
    {
        if (Volatile.Read(ref _latched))
        {
            return;
        }

        lock (_gate)
        {
            if (_latched)
            {
                return;
            }

            var copy = new SocketAddress(source.Family, source.Size);
            source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
            Volatile.Write(ref _address, copy);
            Volatile.Write(ref _latched, true);
        }
    }
}
