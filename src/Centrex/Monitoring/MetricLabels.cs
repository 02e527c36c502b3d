using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Monitoring;

/// <summary>
/// Label values of the service's metrics, made from the switch's enums once at start, so a value added to one of them
/// (a transport, a refusal reason, a parse error) is exported without a change here: the enum's name in kebab case
/// (<c>RateLimit</c> → <c>rate-limit</c>, <c>CSeqOutOfRange</c> → <c>cseq-out-of-range</c>, as the CDR store writes
/// dispositions), and SIP methods as SIP spells them.
/// </summary>
internal static class MetricLabels
{
    /// <summary>Status classes by their first digit (index 1 to 6).</summary>
    public static IReadOnlyList<string> StatusClasses { get; } = ["", "1xx", "2xx", "3xx", "4xx", "5xx", "6xx"];

    /// <summary>An enum's values as label values, indexed by value (null where no value is defined).</summary>
    public static string?[] Of<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new string?[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = Kebab(value.ToString());
        }

        return names;
    }

    /// <summary>SIP methods as label values: <c>INVITE</c>, ...; <c>other</c> for an extension method; null for none.</summary>
    public static string?[] Methods()
    {
        var names = Of<SipMethod>();
        for (var i = 0; i < names.Length; i++)
        {
            var method = (SipMethod)i;
            names[i] = method switch
            {
                SipMethod.None => null,
                SipMethod.Extension => "other",
                _ => Encoding.ASCII.GetString(SipMethods.Name(method)),
            };
        }

        return names;
    }

    /// <summary><c>RefusedByLimit</c> → <c>refused-by-limit</c>: a dash where a capital follows a small letter or digit.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
