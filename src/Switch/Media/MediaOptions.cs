using System.Net;

namespace Centrex.Switch.Media;

/// <summary>Media configuration.</summary>
/// <param name="Mode">Relay (default) or direct.</param>
/// <param name="Address">The address the relay binds its ports on and writes into SDP (default 127.0.0.1).</param>
/// <param name="PortMin">First port of the relay's range (RTP uses even ports, RTCP the odd one above, RFC 3550 §11).</param>
/// <param name="PortMax">Last port of the range, inclusive.</param>
public sealed record MediaOptions(MediaMode Mode = MediaMode.Relay, IPAddress? Address = null, int PortMin = 20_000, int PortMax = 29_999)
{
    /// <summary>The relay address (127.0.0.1 unless configured).</summary>
    public IPAddress RelayAddress => Address ?? IPAddress.Loopback;
}
