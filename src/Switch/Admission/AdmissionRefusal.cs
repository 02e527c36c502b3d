using System.Globalization;
using System.Text;

namespace Centrex.Switch.Admission;

/// <summary>
/// Why a call was refused by its site: the B2BUA answers <c>503 Service Unavailable</c> with
/// <see cref="WarningHeaderValue"/> in a Warning header (RFC 3261 §20.43, §21.5.4).
/// </summary>
/// <param name="Site">The site whose limit was reached.</param>
/// <param name="Limit">Which limit.</param>
/// <param name="Maximum">The configured limit: calls, or kbps for a bandwidth limit.</param>
public readonly record struct AdmissionRefusal(string Site, AdmissionLimit Limit, int Maximum)
{
    /// <summary>
    /// Warn-code 399 ("miscellaneous warning", RFC 3261 §20.43: free text for a human); the warn-agent is the
    /// pseudonym <c>centrex</c>.
    /// </summary>
    public const int WarnCode = 399;

    /// <summary>The reason in words, e.g. <c>site HQ: max outgoing calls 4 reached</c>.</summary>
    public string Reason
    {
        get
        {
            var what = Limit switch
            {
                AdmissionLimit.Calls => "max simultaneous calls",
                AdmissionLimit.IncomingCalls => "max incoming calls",
                AdmissionLimit.OutgoingCalls => "max outgoing calls",
                AdmissionLimit.ForwardedCalls => "max forwarded calls",
                AdmissionLimit.Bandwidth => "max bandwidth",
                AdmissionLimit.IncomingBandwidth => "max incoming bandwidth",
                AdmissionLimit.OutgoingBandwidth => "max outgoing bandwidth",
                _ => "no limit",
            };
            var unit = Limit >= AdmissionLimit.Bandwidth ? " kbps" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"site {Site}: {what} {Maximum}{unit} reached");
        }
    }

    /// <summary>
    /// The Warning header's value: <c>399 centrex "site HQ: max outgoing calls 4 reached"</c>. The text is a
    /// quoted-string (RFC 3261 §25.1): quotes and backslashes are escaped, control characters (a CR or LF in a site
    /// name would split the header) become spaces.
    /// </summary>
    public string WarningHeaderValue
    {
        get
        {
            var reason = Reason;
            var text = new StringBuilder(reason.Length + 20);
            text.Append(CultureInfo.InvariantCulture, $"{WarnCode} centrex \"");
            foreach (var c in reason)
            {
                if (c is '"' or '\\')
                {
                    text.Append('\\').Append(c);
                }
                else
                {
                    text.Append(char.IsControl(c) ? ' ' : c);
                }
            }

            return text.Append('"').ToString();
        }
    }
}
