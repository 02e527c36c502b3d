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
    /// <summary>The reasons a forward is refused, each worded in the portal's languages from its key.</summary>
    public static IReadOnlyList<RefusalPhrase> Reasons => [Loopback, Unspecified, LinkLocal4, Multicast, Reserved, Private4, LinkLocal6, Private6];

    private static readonly RefusalPhrase Loopback = new("phrase.forward-loopback", "a loopback address (the switch's own host)");
    private static readonly RefusalPhrase Unspecified = new("phrase.forward-unspecified", "not a host's address (unspecified or broadcast)");
    private static readonly RefusalPhrase LinkLocal4 = new("phrase.forward-link-local-4", "a link-local address (169.254.0.0/16)");
    private static readonly RefusalPhrase Multicast = new("phrase.forward-multicast", "a multicast address");
    private static readonly RefusalPhrase Reserved = new("phrase.forward-reserved", "a reserved address (0.0.0.0/8 or 240.0.0.0/4)");
    private static readonly RefusalPhrase Private4 = new("phrase.forward-private-4", "a private address (10/8, 172.16/12, 192.168/16, 100.64/10), which the operator has not allowed for this customer");
    private static readonly RefusalPhrase LinkLocal6 = new("phrase.forward-link-local-6", "a link-local address (fe80::/10, or the old site-local fec0::/10)");
    private static readonly RefusalPhrase Private6 = new("phrase.forward-private-6", "a private address (fc00::/7), which the operator has not allowed for this customer");

    /// <summary>Why a forward to <paramref name="address"/> is refused (its English is the phrase), or null when it may go there.</summary>
    public static RefusalPhrase? Refusal(IPAddress address, bool allowPrivate)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IPAddress.IsLoopback(ip))
        {
            return Loopback;
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast))
        {
            return Unspecified;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            if (b[0] == 169 && b[1] == 254)
            {
                return LinkLocal4;
            }

            if (b[0] is >= 224 and <= 239)
            {
                return Multicast;
            }

            if (b[0] == 0 || b[0] >= 240)
            {
                return Reserved;
            }

            var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127);
            return isPrivate && !allowPrivate ? Private4 : null;
        }

        if (ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal)
        {
            return LinkLocal6;
        }

        if (ip.IsIPv6Multicast)
        {
            return Multicast;
        }

        return ip.IsIPv6UniqueLocal && !allowPrivate ? Private6 : null;
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
