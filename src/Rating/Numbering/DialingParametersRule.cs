namespace Centrex.Rating.Numbering;

/// <summary>
/// Seed 004, Dialing Rules enabled: "various dial plan parameters such as an international dialing prefix or area code".
/// A number dialed from a phone becomes E.164 this way:
/// <list type="number">
/// <item>a leading <c>+</c>: the rest is E.164 already (a phone's + key);</item>
/// <item>with an outside (line) prefix, the number must start with it (e.g. 9: "dial 9 for an outside line"); it is removed;</item>
/// <item>the international prefix (e.g. 011, 00) and then an E.164 number: that number;</item>
/// <item>the national prefix (trunk prefix, e.g. 1 in North America, 0 in most of Europe) and then an area code and a local
/// number: the country code before them;</item>
/// <item>an area code and a local number without the national prefix, when the area code is set: the country code before them;</item>
/// <item>a local number (one of the local number lengths): the country code and the area code before it.</item>
/// </list>
/// Anything else is not a number these rules know (the call is refused). Lengths are counted in digits; every part is digits.
/// </summary>
public sealed record DialingParametersRule(
    string OutsidePrefix, string InternationalPrefix, string NationalPrefix, string CountryCode, string AreaCode, IReadOnlyList<int> LocalLengths)
{
    /// <summary>The E.164 digits (no +) for <paramref name="dialed"/>, or null.</summary>
    public string? ToE164(string dialed)
    {
        ArgumentNullException.ThrowIfNull(dialed);
        if (dialed.StartsWith('+'))
        {
            return E164(dialed[1..]);
        }

        if (!dialed.StartsWith(OutsidePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var number = dialed[OutsidePrefix.Length..];
        if (number.Length == 0 || !number.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (InternationalPrefix.Length > 0 && number.StartsWith(InternationalPrefix, StringComparison.Ordinal))
        {
            return E164(number[InternationalPrefix.Length..]);
        }

        if (NationalPrefix.Length > 0 && number.StartsWith(NationalPrefix, StringComparison.Ordinal) && IsNational(number[NationalPrefix.Length..]))
        {
            return E164(CountryCode + number[NationalPrefix.Length..]);
        }

        if (AreaCode.Length > 0 && IsNational(number))
        {
            return E164(CountryCode + number);
        }

        return LocalLengths.Contains(number.Length) ? E164(CountryCode + AreaCode + number) : null;
    }

    // An area code's length of digits and a local number: AreaCode is the customer's own, but any area code of that length may be dialed.
    private bool IsNational(string number) => LocalLengths.Any(l => number.Length == AreaCode.Length + l) && (AreaCode.Length > 0 || NationalPrefix.Length > 0);

    private static string? E164(string digits) => digits.Length is >= 4 and <= 15 && digits.All(char.IsAsciiDigit) ? digits : null;
}
