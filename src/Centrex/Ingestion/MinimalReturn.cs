using Microsoft.Extensions.Primitives;

namespace Centrex.Ingestion;

/// <summary>
/// Whether a batch's client asked for the minimal answer: <c>Prefer: return=minimal</c> (RFC 7240 §4.2). A large
/// batch's full answer has a row per CDR, ~96 bytes each (9.6 MB for 100,000 CDRs, more than the batch itself); a
/// switch that only needs to know what was not charged gets the duplicates and rejected rows, and the summary.
/// </summary>
internal static class MinimalReturn
{
    /// <summary>The header that says the preference was honoured (RFC 7240 §3).</summary>
    public const string AppliedHeader = "Preference-Applied";

    /// <summary>Its value.</summary>
    public const string Applied = "return=minimal";

    /// <summary>
    /// Whether the <c>Prefer</c> header values ask for <c>return=minimal</c>: preferences are comma-separated, each
    /// with optional parameters after a <c>;</c>; the token is case-insensitive, the value may be quoted (§2). A later
    /// <c>return=representation</c> does not override it: §2 says the first occurrence of a preference wins.
    /// </summary>
    public static bool IsAsked(StringValues prefer)
    {
        foreach (var header in prefer)
        {
            foreach (var preference in (header ?? string.Empty).Split(','))
            {
                var nameValue = preference.Split(';')[0].Split('=', 2);
                if (!nameValue[0].Trim().Equals("return", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // The first return preference decides.
                return nameValue.Length == 2 && nameValue[1].Trim().Trim('"').Equals("minimal", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
