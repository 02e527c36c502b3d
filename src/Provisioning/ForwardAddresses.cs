using System.Net;
using System.Net.Sockets;

namespace Centrex.Provisioning;

/// <summary>
/// Where a <c>sip:</c> URI forward may send the switch (issue 16 review, item 8): the switch itself sends that INVITE from
/// inside the carrier's network, so a customer's forward must not make it a probe of the carrier's own hosts. Refused:
/// loopback, link-local (169.254/16 with cloud metadata at 169.254.169.254, fe80::/10), unspecified, multicast and
/// broadcast, always; private ranges (RFC 1918, RFC 6598 shared 100.64/10, RFC 4193 fc00::/7) unless the operator allows
/// them for the customer (<c>allow_private_forwarding</c>). A host name is left to the switch, which resolves none
/// (such a forward is unreachable, 480). The switch checks the same at call time, and its own listeners too.
/// </summary>
public static class ForwardAddresses
{
    /// <summary>Why a forward to <paramref name="address"/> is refused, or null when it may go there.</summary>
    public static string? Refusal(IPAddress address, bool allowPrivate)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IPAddress.IsLoopback(ip))
        {
            return "a loopback address (the switch's own host)";
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast))
        {
            return "not a host's address (unspecified or broadcast)";
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            if (b[0] == 169 && b[1] == 254)
            {
                return "a link-local address (169.254.0.0/16)";
            }

            if (b[0] is >= 224 and <= 239)
            {
                return "a multicast address";
            }

            if (b[0] == 0 || b[0] >= 240)
            {
                return "a reserved address (0.0.0.0/8 or 240.0.0.0/4)";
            }

            var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127);
            return isPrivate && !allowPrivate ? "a private address (10/8, 172.16/12, 192.168/16, 100.64/10), which the operator has not allowed for this customer" : null;
        }

        if (ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal)
        {
            return "a link-local address (fe80::/10, or the old site-local fec0::/10)";
        }

        if (ip.IsIPv6Multicast)
        {
            return "a multicast address";
        }

        return ip.IsIPv6UniqueLocal && !allowPrivate ? "a private address (fc00::/7), which the operator has not allowed for this customer" : null;
    }

    /// <summary>The IP address a <c>sip:user@host[:port][;params]</c> URI names, or null for a host name.</summary>
    public static IPAddress? HostOf(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // The last '@': "sip:a@b@127.0.0.1" must not hide its host behind a second one.
        var at = uri.LastIndexOf('@');
        if (at < 0)
        {
            return null;
        }

        var host = uri[(at + 1)..];
        var end = host.IndexOfAny([';', '?', '>']);
        host = end < 0 ? host : host[..end];
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? host : host[1..close];
        }
        else if (host.IndexOf(':', StringComparison.Ordinal) >= 0)
        {
            host = host[..host.IndexOf(':', StringComparison.Ordinal)];
        }

        return IPAddress.TryParse(host, out var address) ? address : null;
    }
}
