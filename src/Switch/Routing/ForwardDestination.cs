using System.Net;
using System.Net.Sockets;

namespace Centrex.Switch.Routing;

/// <summary>
/// Defence in depth for <c>sip:</c> URI forwards (issue 16 review, item 8): provisioning refuses these targets
/// (<c>Centrex.Provisioning.ForwardAddresses</c>, which the switch does not reference: its assembly stands alone), and the
/// switch refuses at call time what the data should not hold: its own listeners (any port of their addresses: the
/// call would loop into the switch, or reach another of the host's services), loopback, link-local, unspecified,
/// broadcast, multicast and reserved addresses, and private ones unless the customer is allowed them.
/// </summary>
internal static class ForwardDestination
{
    /// <summary>Whether the switch may send a forwarded INVITE to <paramref name="target"/>.</summary>
    /// <param name="target">Where the forward would send the INVITE.</param>
    /// <param name="own">The switch's listeners.</param>
    /// <param name="allowPrivate">The customer may forward to private addresses.</param>
    /// <param name="loopbackLab">Labs and tests: loopback addresses allowed but for the switch's own ports.</param>
    public static bool Allowed(IPEndPoint target, IEnumerable<IPEndPoint> own, bool allowPrivate, bool loopbackLab)
    {
        var ip = target.Address.IsIPv4MappedToIPv6 ? target.Address.MapToIPv4() : target.Address;
        foreach (var listener in own)
        {
            var mine = listener.Address.IsIPv4MappedToIPv6 ? listener.Address.MapToIPv4() : listener.Address;
            var sameHost = mine.Equals(ip) || mine.Equals(IPAddress.Any) || mine.Equals(IPAddress.IPv6Any);
            if (sameHost && (listener.Port == target.Port || !loopbackLab))
            {
                return false;
            }
        }

        if (IPAddress.IsLoopback(ip))
        {
            return loopbackLab;
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            var unroutable = (b[0] == 169 && b[1] == 254) || b[0] >= 224 || b[0] == 0;
            var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127);
            return !unroutable && (allowPrivate || !isPrivate);
        }

        return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast) && (allowPrivate || !ip.IsIPv6UniqueLocal);
    }
}
