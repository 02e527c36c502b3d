using System.Net;
using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>
/// Where a URI the switch sends to (a phone's registered Contact) asks to be reached, without DNS (contacts carry IP
/// addresses): its address, its port or the default of its transport (5061 for TLS, 5060 otherwise, RFC 3261
/// §19.1.2), and whether it asks for TLS: a <c>sips:</c> URI (§19.1.1, §26.2.2: TLS on every hop) or a
/// <c>transport=tls</c> parameter (RFC 5630 §3.1.3 deprecates it, phones still write it).
/// </summary>
/// <param name="Address">The IP address and port, or null when the host is a name (or the URI does not parse).</param>
/// <param name="Sips">The URI is a <c>sips:</c> URI.</param>
/// <param name="Tls">The URI asks for TLS (<see cref="Sips"/> or <c>transport=tls</c>).</param>
internal readonly record struct SipUriTarget(IPEndPoint? Address, bool Sips, bool Tls)
{
    /// <summary>What <paramref name="uri"/> asks for; nothing (no address, no TLS) when it is not a SIP or SIPS URI.</summary>
    public static SipUriTarget Of(string uri)
    {
        var bytes = Encoding.UTF8.GetBytes(uri);
        if (!SipUriParser.TryParse(bytes, new TextRange(0, bytes.Length), out var parsed) || parsed.Scheme is not (SipUriScheme.Sip or SipUriScheme.Sips))
        {
            return default;
        }

        var sips = parsed.Scheme == SipUriScheme.Sips;
        var tls = sips || AsksForTls(bytes.AsSpan(parsed.Parameters.Start, parsed.Parameters.Length));
        var address = IPAddress.TryParse(Encoding.ASCII.GetString(bytes, parsed.Host.Start, parsed.Host.Length), out var ip)
            ? new IPEndPoint(ip, parsed.Port != 0 ? parsed.Port : tls ? 5061 : 5060)
            : null;
        return new SipUriTarget(address, sips, tls);
    }

    /// <summary>Whether <c>;name=value</c> parameters hold <c>transport=tls</c> (names and values compare case-insensitively, §19.1.4).</summary>
    private static bool AsksForTls(ReadOnlySpan<byte> parameters)
    {
        foreach (var range in parameters.Split((byte)';'))
        {
            var parameter = parameters[range].Trim(" \t"u8);
            var equals = parameter.IndexOf((byte)'=');
            if (equals > 0 && SipAscii.EqualsLower(parameter[..equals].Trim(" \t"u8), "transport"u8)
                && SipAscii.EqualsLower(parameter[(equals + 1)..].Trim(" \t"u8), "tls"u8))
            {
                return true;
            }
        }

        return false;
    }
}
