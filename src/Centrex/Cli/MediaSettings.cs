using System.Globalization;
using System.Net;
using Centrex.Switch.Media;

namespace Centrex.Cli;

/// <summary>The media core's options from <c>centrex serve</c>'s <c>--media</c>, <c>--media-address</c> and <c>--media-ports</c>.</summary>
internal static class MediaSettings
{
    /// <summary>
    /// The options, or null when the address or range is not valid. The relay's address defaults to the SIP address:
    /// phones reach the switch there, so they can reach its RTP ports there too; a wildcard SIP address (0.0.0.0, ::)
    /// cannot go into SDP, so loopback stands in until an address is given.
    /// </summary>
    public static MediaOptions? Parse(ServeRequest request, IPEndPoint sip)
    {
        IPAddress address;
        if (request.MediaAddress is { } given)
        {
            if (!IPAddress.TryParse(given, out var parsed) || IsWildcard(parsed))
            {
                return null;
            }

            address = parsed;
        }
        else
        {
            address = IsWildcard(sip.Address) ? IPAddress.Loopback : sip.Address;
        }

        var dash = request.MediaPorts.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(request.MediaPorts.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(request.MediaPorts.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            || min < 1024 || max > 65535 || max - min < 3)
        {
            return null; // a call needs two RTP/RTCP pairs (RFC 3550 §11): at least four ports
        }

        return new MediaOptions(request.Media, address, min, max);
    }

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
