using System.Net;
using System.Text;
using Centrex.Switch.Clock;
using Centrex.Switch.Transport;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Switch.Registration;

/// <summary>
/// One line per authentication failure, in a fixed format a log watcher such as fail2ban can match (README, "SIP
/// authentication failures"):
/// <code>2026-11-22T09:00:00.000Z centrex: sip-auth-failure ip=192.0.2.7 port=5062 transport=udp method=REGISTER user="101" realm="centrex.example" reason=wrong-password</code>
/// The fields come in this order and the address first, before anything the client chose. The username and realm are
/// quoted, with <c>"</c> and <c>\</c> escaped by a backslash and anything but printable ASCII, and the space and
/// <c>=</c>, written <c>\xHH</c> per UTF-8 byte: a hostile username can neither end the line nor add a field. It is
/// cut to 64 characters (then ends in <c>...</c>). The digest response and hashes are never written.
/// </summary>
internal sealed class AuthFailureLog(TextWriter writer, ISwitchClock clock)
{
    private const int MaxUserLength = 64;
    private static readonly InstantPattern Time = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");

    /// <summary>Writes a failure line; <paramref name="until"/> (a block's end) is added for reason=blocked.</summary>
    public void Write(SipSource source, string method, string? user, string realm, string reason, Instant? until = null)
    {
        var line = new StringBuilder(192);
        line.Append(Time.Format(clock.Now)).Append(" centrex: sip-auth-failure ip=").Append(Address(source.Remote.Address))
            .Append(" port=").Append(source.Remote.Port)
            .Append(" transport=").Append(SipTransportNames.Lower(source.Kind))
            .Append(" method=").Append(method)
            .Append(" user=");
        Quote(line, user ?? string.Empty, MaxUserLength);
        line.Append(" realm=");
        Quote(line, realm, MaxUserLength);
        line.Append(" reason=").Append(reason);
        if (until is { } end)
        {
            line.Append(" until=").Append(Time.Format(end));
        }

        writer.WriteLine(line.ToString()); // one call: a synchronized writer (standard error) keeps the line whole
    }

    /// <summary>The reason word for a failed check.</summary>
    public static string Reason(DigestOutcome outcome) => outcome switch
    {
        DigestOutcome.UnknownUser => "unknown-user",
        DigestOutcome.WrongPassword => "wrong-password",
        DigestOutcome.Replay => "replay",
        _ => "invalid",
    };

    /// <summary>Writes <paramref name="value"/> quoted and escaped (see the class comment).</summary>
    internal static void Quote(StringBuilder line, string value, int maxLength)
    {
        line.Append('"');
        var cut = value.Length > maxLength;
        Span<byte> utf8 = stackalloc byte[4];
        var text = cut ? value.AsSpan(0, maxLength) : value.AsSpan();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '"' or '\\')
            {
                line.Append('\\').Append((char)rune.Value);
            }
            else if (rune.Value is > 0x20 and < 0x7F and not '=')
            {
                line.Append((char)rune.Value);
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    line.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        line.Append(cut ? "...\"" : "\"");
    }

    /// <summary>The address as fail2ban's &lt;HOST&gt; reads it: IPv4 plain (not IPv4-mapped), IPv6 without a zone.</summary>
    private static string Address(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        return address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || address.ScopeId == 0
            ? address.ToString()
            : new IPAddress(address.GetAddressBytes()).ToString();
    }
}
