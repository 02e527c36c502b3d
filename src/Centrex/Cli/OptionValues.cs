using System.Globalization;
using System.Net;
using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// The kinds of value the commands take (months, dates, moments, addresses, port ranges, amounts, counts), each read
/// strictly: the whole text, one spelling. Used by <see cref="OptionParsers"/>.
/// </summary>
internal static class OptionValues
{
    /// <summary>A month written <c>YYYY-MM</c>. Strict: <c>20261-0</c> is not 2026-10 (issue 13).</summary>
    public static bool TryMonth(string text, out YearMonth month)
    {
        var parsed = YearMonthPattern.Iso.Parse(text);
        month = parsed.Success ? parsed.Value : default;
        return parsed.Success && text.Length == 7 && month.Year >= 1970; // no sign, four-digit year; no CDR starts before 1970
    }

    /// <summary>A day written <c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(string text, out LocalDate date)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success && text.Length == 10;
    }

    /// <summary>
    /// A moment: a day written <c>YYYY-MM-DD</c> (UTC midnight) or an RFC 3339 time, as a CDR start is read, so in the
    /// same years 1970 to 9999 (see <see cref="IsoTimestamp"/>).
    /// </summary>
    public static bool TryMoment(string text, out Instant instant)
    {
        if (TryDate(text, out var date))
        {
            instant = date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            return date.Year >= 1970;
        }

        return IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out instant);
    }

    /// <summary>An IP address and port, <c>127.0.0.1:5060</c> or <c>[::1]:5060</c>: the port is required.</summary>
    public static bool TryEndpoint(string text, out IPEndPoint endpoint)
    {
        // IPEndPoint.TryParse alone takes "127.0.0.1" and "::1" as port 0 (any free port): say the port instead.
        endpoint = null!;
        var colon = text.LastIndexOf(':');
        var portGiven = colon > 0 && colon < text.Length - 1 && text.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0
            && (text[0] == '[' ? text[colon - 1] == ']' : text.IndexOf(':', StringComparison.Ordinal) == colon);
        return portGiven && IPEndPoint.TryParse(text, out endpoint!);
    }

    /// <summary>An IP address other than a wildcard (<c>0.0.0.0</c>, <c>::</c>): one a peer can be told to send to.</summary>
    public static bool TryReachableAddress(string text, out IPAddress address)
    {
        address = null!;
        return IPAddress.TryParse(text, out address!) && !IsWildcard(address);
    }

    /// <summary>Whether <paramref name="address"/> means every local address.</summary>
    public static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>
    /// A relay port range <c>MIN-MAX</c> within 1024–65535 with room for a call: two RTP/RTCP pairs (RFC 3550 §11), so
    /// at least four ports.
    /// </summary>
    public static bool TryRelayPorts(string text, out PortRange ports)
    {
        ports = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            || min < 1024 || max > 65535 || max - min < 3)
        {
            return false;
        }

        ports = new PortRange(min, max);
        return true;
    }

    /// <summary>A non-negative dollar amount with at most six decimals (a rate per minute).</summary>
    public static bool TryDollars(string text, out MicroDollars amount) => MicroDollars.TryParse(text, out amount);

    /// <summary>A whole number, digits only, from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static TryParser<long> LongBetween(long min, long max) => (string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>The same for an <see cref="int"/> option.</summary>
    public static TryParser<int> IntBetween(int min, int max) => (string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
