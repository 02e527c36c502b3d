using System.Net;
using Centrex.Switch.Media;

namespace Centrex.Cli;

/// <summary>The media core's options from <c>centrex serve</c>'s <c>--media</c>, <c>--media-address</c> and <c>--media-ports</c>.</summary>
internal static class MediaSettings
{
    /// <summary>
    /// The options (the values are checked by the options' parsers). The relay's address defaults to the SIP address:
    /// phones reach the switch there, so they can reach its RTP ports there too; a wildcard SIP address (0.0.0.0, ::)
    /// cannot go into SDP, so loopback stands in until an address is given.
    /// </summary>
    public static MediaOptions Create(ServeRequest request)
    {
        var address = request.MediaAddress ?? (OptionValues.IsWildcard(request.Sip.Address) ? IPAddress.Loopback : request.Sip.Address);
        var ports = request.MediaPorts == default ? new PortRange(20_000, 29_999) : request.MediaPorts; // default: not given in code
        return new MediaOptions(request.Media, address, ports.Min, ports.Max);
    }
}
