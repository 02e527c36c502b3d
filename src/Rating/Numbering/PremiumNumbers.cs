namespace Centrex.Rating.Numbering;

/// <summary>
/// Premium-rate numbers, for fraud controls (issue 14): NANP 1-900 (the premium NPA, ATIS-0300115) and the 976
/// exchange of any NPA (the older premium information services, still billed as such by many carriers). Premium is
/// not a billing class (<see cref="NumberClass"/> is persisted and unchanged): a premium number is priced by its tariff
/// prefix like any other; this only says which numbers an account barred from "premium" may not call. Premium numbers
/// outside the NANP differ by country and are not recognized here.
/// </summary>
public static class PremiumNumbers
{
    /// <summary>Whether the normalized number (E.164 digits, no '+') is premium-rate.</summary>
    public static bool IsPremium(ReadOnlySpan<byte> e164) =>
        e164.Length == NumberingPlan.NanpLength && e164[0] == (byte)'1'
        && (e164.Slice(1, 3).SequenceEqual("900"u8) || e164.Slice(4, 3).SequenceEqual("976"u8));
}
